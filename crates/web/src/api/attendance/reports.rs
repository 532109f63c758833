//! Notifications, the officers' client report and the attendance rule's settings.

use super::*;

// ---------------------------------------------------------------------------------------
// Notifications.

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct NotificationQuery {
    /// Only unread ones.
    pub unread: Option<bool>,
    /// At most this many (default 100, at most 500).
    pub limit: Option<i64>,
}

/// The caller's notifications with the unread count.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct NotificationsOut {
    pub unread: i64,
    #[schema(value_type = Vec<Object>)]
    pub items: Vec<NotificationRow>,
}

/// Shared by API and UI: the caller's notifications (the view is audited).
pub async fn load_notifications(
    state: &AppState,
    me: &CurrentUser,
    unread_only: bool,
    limit: i64,
) -> AppResult<NotificationsOut> {
    let who = me.owned_who();
    let (items, unread) = state
        .db(move |c| {
            let (items, unread) =
                notifications::list(c, &who.tenant_id, &who.user_id, unread_only, limit)?;
            notifications::audit_view(c, who.get(), &items)?;
            Ok((items, unread))
        })
        .await?;
    Ok(NotificationsOut { unread, items })
}

/// The caller's own notifications, newest first, and how many are unread.
#[utoipa::path(get, path = "/api/v1/notifications", tag = "attendance",
    params(NotificationQuery),
    responses((status = 200, body = NotificationsOut)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn list_notifications(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiQuery(q): ApiQuery<NotificationQuery>,
) -> AppResult<Json<NotificationsOut>> {
    Ok(Json(
        load_notifications(
            &state,
            &me,
            q.unread.unwrap_or(false),
            q.limit.unwrap_or(100),
        )
        .await?,
    ))
}

/// Mark one of the caller's notifications read (someone else's is 404).
#[utoipa::path(post, path = "/api/v1/notifications/{id}/read", tag = "attendance",
    responses((status = 200, body = Object), (status = 404, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn mark_read(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<NotificationRow>> {
    let id = path_id(&id)?;
    let who = me.owned_who();
    Ok(Json(
        state
            .db(move |c| notifications::mark_read(c, who.get(), &id))
            .await?,
    ))
}

// ---------------------------------------------------------------------------------------
// The officers' report.

/// A result as the report shows it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReportResult {
    pub kind: String,
    pub value: Option<String>,
    pub on_date: String,
    pub reason: Option<String>,
}

/// One client: a course need with its course, placement and attendance.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ClientOut {
    pub person_id: String,
    pub case_number: String,
    pub family_name: String,
    pub given_names: String,
    /// Who obliged the person to attend, and when (what makes the immigration office
    /// responsible).
    pub obliged_by: Option<String>,
    pub obliged_on: Option<String>,
    /// The rest is `education` data, `null` when withheld.
    pub need_status: Option<String>,
    pub course_type: Option<String>,
    #[schema(value_type = Option<Object>)]
    pub course: Option<ClientCourse>,
    pub placement_id: Option<String>,
    /// `booked` or `dropped_out`.
    pub placement_status: Option<String>,
    pub placement_status_on: Option<String>,
    /// All recorded days up to today.
    #[schema(value_type = Option<Object>)]
    pub attendance: Option<Rate>,
    /// The last `rate_window_days` of the tenant's rule.
    #[schema(value_type = Option<Object>)]
    pub attendance_recent: Option<Rate>,
    /// Thresholds of the attendance rule crossed now (`unexcused_absences`,
    /// `low_attendance`).
    pub breaches: Option<Vec<String>>,
    pub results: Option<Vec<ReportResult>>,
    /// Data classes withheld by the policy.
    pub withheld: Vec<String>,
}

/// The report with the rule it was evaluated against.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ClientsReport {
    pub on: String,
    #[schema(value_type = Object)]
    pub rule: serde_json::Value,
    pub clients: Vec<ClientOut>,
}

async fn deny(state: &AppState, me: &CurrentUser, reason: &'static str) -> AppError {
    let who = me.owned_who();
    let audited = state
        .db(move |c| {
            audit::record(
                c,
                who.get(),
                Entry::new("access.denied", "policy", None)
                    .detail(
                        serde_json::json!({ "attempted": "Read client report", "reason": reason }),
                    )
                    .denied(),
            )
        })
        .await;
    if let Err(e) = audited {
        tracing::error!(error = %e, "could not audit a denial");
    }
    AppError::forbidden(reason)
}

/// Shared by API and UI.
pub async fn load_clients(state: &AppState, me: &CurrentUser) -> AppResult<ClientsReport> {
    let obliged = match me.user.role {
        Role::PlacementOfficer => None,
        Role::ImmigrationOffice if me.user.org_kind == OrgKind::ImmigrationOffice => {
            Some(ObligedBy::ImmigrationOffice)
        }
        _ => {
            return Err(deny(
                state,
                me,
                "the client report is for placement officers and the immigration office",
            )
            .await);
        }
    };
    let (tenant, org) = (me.user.tenant_id.clone(), me.user.org_id.clone());
    let on = today();
    let (rows, rule, consents) = state
        .db(move |c| {
            let rows = repo::clients(c, &tenant, &org, obliged)?;
            let (rule, _) = repo::rule(c, &tenant)?;
            let mut consents = std::collections::HashMap::new();
            for r in &rows {
                if !consents.contains_key(&r.person_id) {
                    consents.insert(
                        r.person_id.clone(),
                        ankommen_db::referrals::readable_for(c, &tenant, &r.person_id, &org, on)?,
                    );
                }
            }
            Ok((rows, rule, consents))
        })
        .await?;
    let recent_from = on - time::Duration::days(i64::from(rule.rate_window_days) - 1);
    let mut clients = Vec::new();
    let mut audited: Vec<(String, Vec<DataClass>)> = Vec::new();
    for r in rows {
        let consented = consents
            .get(&r.person_id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let responsible = r.responsible_org_id.as_deref() == Some(me.user.org_id.as_str());
        // The immigration office obliged the person (the need records the authority's kind).
        let issued = obliged.is_some() && r.obliged_by.as_deref() == obliged.map(|o| o.as_str());
        let rel = Relation {
            responsible_agency: responsible,
            issued_obligation: issued,
            referral_scope: consented,
            ..Relation::default()
        };
        if !may_read(me, DataClass::Identity, rel) {
            continue;
        }
        let education = may_read(me, DataClass::Education, rel);
        let mut shown = vec![DataClass::Identity];
        let mut out = ClientOut {
            person_id: r.person_id.clone(),
            case_number: r.case_number,
            family_name: r.family_name,
            given_names: r.given_names,
            obliged_by: r.obliged_by,
            obliged_on: r.obliged_on,
            need_status: None,
            course_type: None,
            course: None,
            placement_id: None,
            placement_status: None,
            placement_status_on: None,
            attendance: None,
            attendance_recent: None,
            breaches: None,
            results: None,
            withheld: vec![],
        };
        if education {
            shown.push(DataClass::Education);
            let recent: Vec<rules::Record> = r
                .records
                .iter()
                .copied()
                .filter(|x| x.day >= recent_from)
                .collect();
            out.need_status = Some(r.need_status);
            out.course_type = Some(r.course_type);
            out.course = r.course;
            out.placement_status = r.placement.as_ref().map(|p| p.status.clone());
            out.placement_status_on = r.placement.as_ref().and_then(|p| p.status_on.clone());
            out.placement_id = r.placement.map(|p| p.id);
            if out.placement_id.is_some() {
                out.attendance = Some(rules::rate(&r.records, Some(on)));
                out.attendance_recent = Some(rules::rate(&recent, Some(on)));
                out.breaches = Some(
                    rules::breaches(&r.records, &rule, on)
                        .map(|b| {
                            b.thresholds()
                                .iter()
                                .map(|t| t.as_str().to_owned())
                                .collect()
                        })
                        .unwrap_or_default(),
                );
                out.results = Some(
                    r.results
                        .into_iter()
                        .map(|x| ReportResult {
                            kind: x.kind,
                            value: x.value,
                            on_date: x.on_date,
                            reason: x.reason,
                        })
                        .collect(),
                );
            }
        } else {
            out.withheld.push(DataClass::Education.as_str().to_owned());
        }
        audited.push((r.person_id, shown));
        clients.push(out);
    }
    let who = me.owned_who();
    state
        .db(move |c| {
            ankommen_db::write_tx(c, &who.tenant_id, |c| {
                for (pid, classes) in &audited {
                    let mut entry = Entry::new("report.clients.read", "person", Some(pid));
                    entry.person_id = Some(pid);
                    entry.data_classes = classes;
                    audit::append(c, who.get(), entry)?;
                }
                audit::append(
                    c,
                    who.get(),
                    Entry::new("report.clients", "report", None)
                        .detail(serde_json::json!({ "persons": audited.len() })),
                )?;
                Ok(())
            })
        })
        .await?;
    Ok(ClientsReport {
        on: on.to_string(),
        rule: repo::rule_json(&rule),
        clients,
    })
}

/// A placement officer's clients (persons whose responsible organisation is the officer's)
/// or the immigration office's (also persons it obliged to attend): course need, course,
/// placement status, attendance rate and results, as far as the policy allows. Every person
/// shown is audited.
#[utoipa::path(get, path = "/api/v1/reports/clients", tag = "attendance",
    responses((status = 200, body = ClientsReport), (status = 403, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn clients(
    State(state): State<AppState>,
    me: CurrentUser,
) -> AppResult<Json<ClientsReport>> {
    Ok(Json(load_clients(&state, &me).await?))
}

// ---------------------------------------------------------------------------------------
// The rule's settings.

/// The tenant's attendance rule (`version` 0: the defaults, never changed).
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleBody {
    pub unexcused_limit: i64,
    pub unexcused_window_days: i64,
    pub min_rate_percent: i64,
    pub rate_window_days: i64,
    pub version: i32,
}

fn rule_body(rule: &rules::Rule, version: i32) -> RuleBody {
    RuleBody {
        unexcused_limit: i64::from(rule.unexcused_limit),
        unexcused_window_days: i64::from(rule.unexcused_window_days),
        min_rate_percent: i64::from(rule.min_rate_percent),
        rate_window_days: i64::from(rule.rate_window_days),
        version,
    }
}

/// The attendance rule of the caller's tenant (administrators).
#[utoipa::path(get, path = "/api/v1/settings/attendance-rule", tag = "attendance",
    responses((status = 200, body = RuleBody), (status = 403, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get_rule(State(state): State<AppState>, me: CurrentUser) -> AppResult<Json<RuleBody>> {
    me.authorize(&state, Action::Read, Resource::Settings)
        .await?;
    let tenant = me.user.tenant_id.clone();
    let (rule, version) = state.db(move |c| repo::rule(c, &tenant)).await?;
    Ok(Json(rule_body(&rule, version)))
}

/// Change the attendance rule (administrators): all four numbers plus the `version` read.
#[utoipa::path(put, path = "/api/v1/settings/attendance-rule", tag = "attendance",
    request_body = RuleBody,
    responses((status = 200, body = RuleBody), (status = 409, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn put_rule(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiJson(body): ApiJson<RuleBody>,
) -> AppResult<Json<RuleBody>> {
    me.authorize(&state, Action::Update, Resource::Settings)
        .await?;
    let rule = rules::Rule::new(
        body.unexcused_limit,
        body.unexcused_window_days,
        body.min_rate_percent,
        body.rate_window_days,
    )
    .map_err(AppError::Validation)?;
    let who = me.owned_who();
    let version = body.version;
    let (rule, version) = state
        .db(move |c| repo::set_rule(c, who.get(), &rule, version))
        .await?;
    Ok(Json(rule_body(&rule, version)))
}
