//! Organisations of the county's integration network. Every user belongs to exactly one.

crate::text_enum! {
    /// Kind of organisation; decides which roles its staff may hold.
    pub enum OrgKind ("organisation kind") {
        /// Migrationszentrum: the one place newcomers arrive; run by the municipal job centre.
        MigrationCentre = "migration_centre",
        /// Jobcenter (SGB II).
        JobCentre = "job_centre",
        /// Agentur für Arbeit (SGB III).
        EmploymentAgency = "employment_agency",
        /// Ausländerbehörde.
        ImmigrationOffice = "immigration_office",
        /// Jugendamt (SGB VIII).
        YouthWelfare = "youth_welfare",
        /// A town or Samtgemeinde, e.g. its integration guide.
        Municipality = "municipality",
        /// Bildungsträger offering integration and job-related German courses.
        CourseProvider = "course_provider",
        /// Migrationsberatung (MBE), youth migration service, refugee counselling.
        CounsellingService = "counselling_service",
        /// Volunteer initiative in a town.
        VolunteerInitiative = "volunteer_initiative",
    }
}
