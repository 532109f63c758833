//! Data classes of a person's record (DESIGN.md §5): roles see classes, not tables.

crate::text_enum! {
    /// A class of personal data.
    pub enum DataClass ("data class") {
        Identity = "identity",
        Contact = "contact",
        /// Residence and legal situation.
        Residence = "residence",
        /// Languages, schooling, vocational training, work.
        Education = "education",
        Family = "family",
        /// Health and other special categories (GDPR Art. 9).
        Health = "health",
        /// Free-text notes of counsellors.
        Notes = "notes",
    }
}
