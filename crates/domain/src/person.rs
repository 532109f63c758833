//! The person record's vocabulary: sex, case status, kinds of further names, and which data
//! class each stored field belongs to (DESIGN.md §5: roles see classes, not tables).

use crate::DataClass;

crate::text_enum! {
    /// Sex as in the documents (`diverse` and `unknown` as German registers allow).
    pub enum Sex ("sex") {
        Female = "female",
        Male = "male",
        Diverse = "diverse",
        Unknown = "unknown",
    }
}

crate::text_enum! {
    /// Where a case stands. `dormant`: no contact for a while, kept in view; `closed` needs a reason.
    pub enum CaseStatus ("case status") {
        Open = "open",
        Dormant = "dormant",
        Closed = "closed",
    }
}

crate::text_enum! {
    /// Why a person has a further name.
    pub enum NameKind ("name kind") {
        /// As written in another document (passport vs. residence permit).
        Document = "document",
        /// Another transliteration of the same name.
        Transliteration = "transliteration",
        Alias = "alias",
        Birth = "birth",
    }
}

/// The data class of a stored person field. Unknown fields count as notes, the most
/// restricted class a non-counsellor can never see without consent.
pub fn class_of(field: &str) -> DataClass {
    match field {
        "family_name" | "given_names" | "birth_name" | "sex" | "birth_date" | "birth_place"
        | "birth_country" | "nationalities" | "names" | "counsellor_id" | "case_status"
        | "case_status_reason" => DataClass::Identity,
        "phone" | "email" | "street" | "postcode" | "municipality_id" => DataClass::Contact,
        "arrived_germany_on"
        | "arrived_county_on"
        | "residence_status"
        | "residence_paragraph"
        | "residence_duldung_kind"
        | "residence_first_issued_on"
        | "residence_valid_until"
        | "work_annotation"
        | "benefits_law"
        | "responsible_org_id" => DataClass::Residence,
        "german_level" | "literate_latin" | "languages" => DataClass::Education,
        _ => DataClass::Notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_have_classes() {
        assert_eq!(class_of("phone"), DataClass::Contact);
        assert_eq!(class_of("residence_paragraph"), DataClass::Residence);
        assert_eq!(class_of("german_level"), DataClass::Education);
        assert_eq!(class_of("family_name"), DataClass::Identity);
        assert_eq!(class_of("something_new"), DataClass::Notes);
        assert_eq!(Sex::parse("female"), Ok(Sex::Female));
        assert!(CaseStatus::parse("archived").is_err());
    }
}
