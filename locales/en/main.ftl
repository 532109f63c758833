# ankommen – staff UI (English)

skip-to-content = Skip to content
brand-sub = Migration and integration
nav-label = Main navigation
nav-dashboard = Dashboard
nav-users = Users
nav-organisations = Organisations
nav-audit = Audit log
nav-tokens = API tokens
nav-jobs = Background jobs
nav-profile = My profile
logout = Log out
footer = ankommen · Migration centre · Personal data: every access is logged.

login-title = Log in
login-intro = Log in with your user name and password.
login-submit = Log in
login-missing = Please enter user name and password.
login-invalid = Wrong user name or password.
login-disabled = This account is disabled. Please contact your administrator.
login-locked = Too many failed logins. Please try again in { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}, or ask an administrator to reset your password.

error-back = Back to the dashboard
error-conflict = The record was changed meanwhile.
error-400-title = Invalid input
error-400-text = The request contains invalid data.
error-401-title = Login required
error-401-text = Please log in.
error-403-title = Access denied
error-403-text = You are not allowed to open this page. The attempt has been logged.
error-404-title = Not found
error-404-text = This page does not exist, or you have no access to it.
error-409-title = Conflict
error-409-text = Someone else changed this record meanwhile. Please reload it.
error-429-title = Too many requests
error-429-text = Please wait a moment and try again.
error-500-title = Internal error
error-500-text = Something went wrong. The error has been logged.
error-503-title = Temporarily unavailable
error-503-text = The database cannot be reached right now. Please try again shortly.

dashboard-hello = Hello
dashboard-org = Your organisation
dashboard-active-users = active users
dashboard-organisations = organisations in the network
dashboard-failed-jobs = failed background jobs

role-admin = Administrator
role-team_lead = Team lead
role-counsellor = Counsellor
role-provider = Course provider
role-placement_officer = Placement officer
role-immigration_office = Immigration office
role-youth_welfare = Youth welfare
role-municipal_guide = Municipal integration guide
role-volunteer_coordinator = Volunteer coordinator
role-editor = Portal editor
role-analyst = Analyst

role-desc-admin = You manage users, organisations, API tokens and background jobs. You do not see case data.
role-desc-team_lead = You see your team's work, the audit log and statistics, and steer the allocation of course seats.
role-desc-counsellor = You carry out situation analyses, draw up integration plans and refer people to courses and offers.
role-desc-provider = You maintain your courses and see the participants allocated to you.
role-desc-placement_officer = You see the course status and attendance of your clients.
role-desc-immigration_office = You see the course obligations you issued and maintain residence data.
role-desc-youth_welfare = You see what people consented to share with you, and receive referrals.
role-desc-municipal_guide = You see what people consented to share with you, and receive referrals.
role-desc-volunteer_coordinator = You see what people consented to share with you, and receive referrals.
role-desc-editor = You maintain the multilingual information portal for newcomers.
role-desc-analyst = You see anonymised statistics on the migration concept.

org-kind-migration_centre = Migration centre
org-kind-job_centre = Job centre
org-kind-employment_agency = Employment agency
org-kind-immigration_office = Immigration office
org-kind-youth_welfare = Youth welfare office
org-kind-municipality = Municipality
org-kind-course_provider = Course provider
org-kind-counselling_service = Counselling service
org-kind-volunteer_initiative = Volunteer initiative

profile-language = Language
profile-password = Change password
profile-change-password = Change password
password-hint = At least 10 characters. A sentence of several words is safe and easy to remember.
form-has-errors = Please check the marked fields.
save = Save
search = Search
filter = Filter
status = Status
disabled = disabled
active = active
none-found = Nothing found.
all = all
actions = Actions
created = Created
older = Older entries

field-username = User name
field-password = Password
field-display_name = Name
field-email = E-mail
field-role = Role
field-org_id = Organisation
field-locale = Interface language
field-initial_password = Initial password
field-current_password = Current password
field-new_password = New password
field-new_password_repeat = Repeat new password
field-name = Name
field-kind = Kind
field-parent_id = Parent organisation
field-municipality_id = Town
field-phone = Phone
field-user_id = User
field-token_name = Purpose
field-expires_in_days = Valid for (days)
field-version = Version
field-body = Request

users-new = New user
users-edit = Edit user
users-include-disabled = include disabled
users-last-login = Last login
users-disable = Disable account (ends all sessions)

orgs-new = New organisation
orgs-edit = Edit organisation
orgs-disable = Deactivate organisation

tokens-intro = API tokens let programs act on behalf of a user. They can be revoked at any time.
tokens-shown-once = The new token is shown only now. Keep it safe:
tokens-issue = Issue token
tokens-expires = Expires
tokens-last-used = Last used
tokens-revoked = revoked
tokens-revoke = Revoke

jobs-kind = Kind
jobs-attempts = Attempts
jobs-run-at = Due
jobs-error = Last error
jobs-retry = Retry
job-status-queued = queued
job-status-running = running
job-status-done = done
job-status-failed = failed

audit-intro = Every access to personal data and every change is logged tamper-evidently (hash chain).
audit-time = Time
audit-actor = Who
audit-action = Action
audit-entity = Object
audit-outcome = Outcome
audit-system = System

notice-logged-out = You have been logged out.
notice-password-changed = Your password was changed. Other sessions were ended.
notice-user-created = The user was created.
notice-user-saved = The user was saved.
notice-org-created = The organisation was created.
notice-org-saved = The organisation was saved.
notice-token-revoked = The token was revoked.
notice-job-queued = The job was queued again.

field-error-required = Please fill in.
field-error-too_long = At most { $limit } characters.
field-error-control_chars = Contains control characters that are not allowed.
field-error-username_length = The user name must have 2 to 64 characters.
field-error-username_chars = Only letters a–z, digits, dot, underscore and hyphen.
field-error-invalid_email = Not a valid e-mail address.
field-error-unknown_value = Please choose a value from the list.
field-error-invalid_id = Invalid choice.
field-error-no_such_org = This organisation does not exist.
field-error-role_mismatch = This role does not fit the kind of organisation.
field-error-username_taken = This user name is taken.
field-error-reference_missing = Refers to a record that does not exist.
field-error-own_parent = An organisation cannot be its own parent.
field-error-no_such_municipality = This town does not exist.
field-error-name_taken = An organisation with this name exists already.
field-error-password_too_short = The password must have at least 10 characters.
field-error-password_too_long = The password must have at most 256 characters.
field-error-password_is_username = The password must not be the user name.
field-error-password_mismatch = The two passwords do not match.
field-error-wrong_password = The current password is wrong.
field-error-self_lockout = You cannot disable yourself or change your own role.
field-error-out_of_range = Value out of range (1–730).
field-error-no_such_user = This user does not exist.
field-error-invalid = Invalid value.
