//! Demo data: the county's network of offers (83), published by the demo organisations, kept
//! as data in `demo_offers.json` (one offer per line). Addresses, phone numbers and e-mail
//! addresses are illustrative.

use serde::Deserialize;

/// One demo offer. `org` is the publishing organisation's name (see `demo::ORGANISATIONS`),
/// `kind` an `ankommen_domain::offer::OfferKind` text, `target_groups` `TargetGroup` texts,
/// `towns` the municipality names served (empty: the whole county), `opening_hours` in the
/// format of `ankommen_domain::offer::parse_opening_hours`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoOffer {
    pub org: String,
    pub kind: String,
    pub title: String,
    pub description: String,
    pub target_groups: Vec<String>,
    pub languages: Vec<String>,
    pub towns: Vec<String>,
    pub street: String,
    pub postcode: String,
    pub town: String,
    pub latitude: f64,
    pub longitude: f64,
    pub opening_hours: String,
    pub contact_name: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub capacity_note: String,
}

/// The demo offers; an error names the JSON position if the file was edited badly.
pub fn offers() -> Result<Vec<DemoOffer>, String> {
    serde_json::from_str(include_str!("demo_offers.json"))
        .map_err(|e| format!("demo_offers.json: {e}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_offers_parse() {
        let offers = super::offers().unwrap();
        assert!(offers.len() >= 80, "{}", offers.len());
    }
}
