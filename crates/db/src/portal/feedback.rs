//! Readers' feedback on the public portal: anonymous, rate-limited.

use diesel::prelude::*;

use crate::{Db, DbResult, now, write_tx};

fn uuid() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Feedback of one reader, anonymous; `client_key` is a hash that only serves the limit.
#[derive(Debug, Clone)]
pub struct FeedbackIn {
    pub region_id: String,
    pub language_code: String,
    pub target_kind: String,
    pub target_slug: Option<String>,
    pub rating: Option<String>,
    pub comment: Option<String>,
    pub query: Option<String>,
    pub client_key: String,
}

/// How much feedback is taken: per client in 10 minutes, per region in an hour.
pub const PER_CLIENT_10_MIN: i64 = 10;
pub const PER_REGION_HOUR: i64 = 300;

/// Stores feedback unless a limit is reached (`Ok(false)`: refused, nothing stored).
pub fn add_feedback(conn: &mut Db, tenant_id: &str, f: &FeedbackIn) -> DbResult<bool> {
    use crate::schema::portal_feedback as fb;
    write_tx(conn, tenant_id, |c| {
        let t = now();
        let by_client: i64 = fb::table
            .filter(fb::client_key.eq(&f.client_key))
            .filter(fb::created_at.gt(t - time::Duration::minutes(10)))
            .count()
            .get_result(c)?;
        let by_region: i64 = fb::table
            .filter(fb::region_id.eq(&f.region_id))
            .filter(fb::created_at.gt(t - time::Duration::hours(1)))
            .count()
            .get_result(c)?;
        if by_client >= PER_CLIENT_10_MIN || by_region >= PER_REGION_HOUR {
            return Ok(false);
        }
        diesel::insert_into(fb::table)
            .values((
                fb::id.eq(uuid()),
                fb::tenant_id.eq(tenant_id),
                fb::region_id.eq(&f.region_id),
                fb::language_code.eq(&f.language_code),
                fb::target_kind.eq(&f.target_kind),
                fb::target_slug.eq(&f.target_slug),
                fb::rating.eq(&f.rating),
                fb::comment.eq(&f.comment),
                fb::query.eq(&f.query),
                fb::client_key.eq(&f.client_key),
                fb::created_at.eq(t),
            ))
            .execute(c)?;
        Ok(true)
    })
}
