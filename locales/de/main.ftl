# ankommen – Oberfläche für Mitarbeitende (Deutsch, Standardsprache)

skip-to-content = Zum Inhalt springen
brand-sub = Migration und Integration
nav-label = Hauptnavigation
nav-dashboard = Übersicht
nav-users = Benutzer
nav-organisations = Organisationen
nav-audit = Protokoll
nav-tokens = API-Schlüssel
nav-jobs = Hintergrundaufgaben
nav-profile = Mein Profil
logout = Abmelden
footer = ankommen · Migrationszentrum · Personenbezogene Daten: Zugriffe werden protokolliert.

login-title = Anmelden
login-intro = Melden Sie sich mit Ihrem Benutzernamen und Passwort an.
login-submit = Anmelden
login-missing = Bitte Benutzername und Passwort eingeben.
login-invalid = Benutzername oder Passwort ist falsch.
login-disabled = Dieses Konto ist gesperrt. Bitte wenden Sie sich an die Administration.
login-locked = Zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es in { $minutes ->
    [one] einer Minute
   *[other] { $minutes } Minuten
} erneut oder lassen Sie Ihr Passwort von der Administration zurücksetzen.

error-back = Zur Übersicht
error-conflict = Der Datensatz wurde inzwischen geändert.
error-400-title = Ungültige Eingabe
error-400-text = Die Anfrage enthält ungültige Angaben.
error-401-title = Anmeldung erforderlich
error-401-text = Bitte melden Sie sich an.
error-403-title = Kein Zugriff
error-403-text = Sie haben keine Berechtigung für diese Seite. Der Versuch wurde protokolliert.
error-404-title = Nicht gefunden
error-404-text = Diese Seite gibt es nicht, oder Sie haben keinen Zugriff darauf.
error-409-title = Konflikt
error-409-text = Der Datensatz wurde inzwischen von jemand anderem geändert. Bitte laden Sie ihn neu.
error-429-title = Zu viele Anfragen
error-429-text = Bitte warten Sie einen Moment und versuchen Sie es erneut.
error-500-title = Interner Fehler
error-500-text = Etwas ist schiefgelaufen. Der Fehler wurde protokolliert.
error-503-title = Vorübergehend nicht verfügbar
error-503-text = Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.

dashboard-hello = Guten Tag
dashboard-org = Ihre Organisation
dashboard-active-users = aktive Benutzer
dashboard-organisations = Organisationen im Netzwerk
dashboard-failed-jobs = fehlgeschlagene Hintergrundaufgaben

role-admin = Administration
role-team_lead = Teamleitung
role-counsellor = Beratung
role-provider = Kursträger
role-placement_officer = Arbeitsvermittlung
role-immigration_office = Ausländerbehörde
role-youth_welfare = Jugendhilfe
role-municipal_guide = Integrationslotse/-lotsin
role-volunteer_coordinator = Ehrenamtskoordination
role-editor = Redaktion Infoportal
role-analyst = Auswertung

role-desc-admin = Sie verwalten Benutzer, Organisationen, API-Schlüssel und Hintergrundaufgaben. Falldaten sehen Sie nicht.
role-desc-team_lead = Sie sehen die Arbeit des Teams, Protokolle und Auswertungen und steuern die Kursplatzvergabe.
role-desc-counsellor = Sie führen Situationsanalysen durch, erstellen Integrationspläne und vermitteln Kurse und Angebote.
role-desc-provider = Sie pflegen Ihre Kurse und sehen die Teilnehmenden, die Ihnen zugewiesen wurden.
role-desc-placement_officer = Sie sehen Kursstatus und Anwesenheit Ihrer Kundinnen und Kunden.
role-desc-immigration_office = Sie sehen die von Ihnen ausgesprochenen Kursverpflichtungen und pflegen aufenthaltsrechtliche Daten.
role-desc-youth_welfare = Sie sehen, was Personen mit Ihnen zu teilen eingewilligt haben, und erhalten Weiterleitungen.
role-desc-municipal_guide = Sie sehen, was Personen mit Ihnen zu teilen eingewilligt haben, und erhalten Weiterleitungen.
role-desc-volunteer_coordinator = Sie sehen, was Personen mit Ihnen zu teilen eingewilligt haben, und erhalten Weiterleitungen.
role-desc-editor = Sie pflegen das mehrsprachige Informationsportal für Neuzugewanderte.
role-desc-analyst = Sie sehen anonymisierte Auswertungen zum Migrationskonzept.

org-kind-migration_centre = Migrationszentrum
org-kind-job_centre = Jobcenter
org-kind-employment_agency = Agentur für Arbeit
org-kind-immigration_office = Ausländerbehörde
org-kind-youth_welfare = Jugendamt
org-kind-municipality = Kommune
org-kind-course_provider = Kursträger
org-kind-counselling_service = Beratungsdienst
org-kind-volunteer_initiative = Ehrenamtliche Initiative

profile-language = Sprache
profile-password = Passwort ändern
profile-change-password = Passwort ändern
password-hint = Mindestens 10 Zeichen. Ein Satz aus mehreren Wörtern ist sicher und gut zu merken.
form-has-errors = Bitte prüfen Sie die markierten Angaben.
save = Speichern
search = Suche
filter = Filtern
status = Status
disabled = gesperrt
active = aktiv
none-found = Keine Einträge gefunden.
all = alle
actions = Aktionen
created = Erstellt
older = Ältere Einträge

field-username = Benutzername
field-password = Passwort
field-display_name = Name
field-email = E-Mail
field-role = Rolle
field-org_id = Organisation
field-locale = Sprache der Oberfläche
field-initial_password = Erstes Passwort
field-current_password = Aktuelles Passwort
field-new_password = Neues Passwort
field-new_password_repeat = Neues Passwort wiederholen
field-name = Name
field-kind = Art
field-parent_id = Übergeordnete Organisation
field-municipality_id = Ort
field-phone = Telefon
field-user_id = Benutzer
field-token_name = Verwendungszweck
field-expires_in_days = Gültig für (Tage)
field-version = Version
field-body = Anfrage

users-new = Neuer Benutzer
users-edit = Benutzer bearbeiten
users-include-disabled = auch gesperrte
users-last-login = Letzte Anmeldung
users-disable = Konto sperren (beendet alle Sitzungen)

orgs-new = Neue Organisation
orgs-edit = Organisation bearbeiten
orgs-disable = Organisation deaktivieren

tokens-intro = API-Schlüssel erlauben Programmen den Zugriff im Namen eines Benutzers. Sie können jederzeit widerrufen werden.
tokens-shown-once = Der neue Schlüssel wird nur jetzt angezeigt. Bewahren Sie ihn sicher auf:
tokens-issue = Schlüssel ausstellen
tokens-expires = Läuft ab
tokens-last-used = Zuletzt benutzt
tokens-revoked = widerrufen
tokens-revoke = Widerrufen

jobs-kind = Art
jobs-attempts = Versuche
jobs-run-at = Fällig
jobs-error = Letzter Fehler
jobs-retry = Erneut versuchen
job-status-queued = wartet
job-status-running = läuft
job-status-done = erledigt
job-status-failed = fehlgeschlagen

audit-intro = Jeder Zugriff auf personenbezogene Daten und jede Änderung wird unveränderbar protokolliert (verkettete Prüfsummen).
audit-time = Zeit
audit-actor = Wer
audit-action = Aktion
audit-entity = Objekt
audit-outcome = Ergebnis
audit-system = System

notice-logged-out = Sie wurden abgemeldet.
notice-password-changed = Ihr Passwort wurde geändert. Andere Sitzungen wurden beendet.
notice-user-created = Der Benutzer wurde angelegt.
notice-user-saved = Der Benutzer wurde gespeichert.
notice-org-created = Die Organisation wurde angelegt.
notice-org-saved = Die Organisation wurde gespeichert.
notice-token-revoked = Der Schlüssel wurde widerrufen.
notice-job-queued = Die Aufgabe wurde erneut eingeplant.

field-error-required = Bitte ausfüllen.
field-error-too_long = Höchstens { $limit } Zeichen.
field-error-control_chars = Enthält unzulässige Steuerzeichen.
field-error-username_length = Der Benutzername muss 2 bis 64 Zeichen lang sein.
field-error-username_chars = Nur Buchstaben a–z, Ziffern, Punkt, Unterstrich und Bindestrich.
field-error-invalid_email = Keine gültige E-Mail-Adresse.
field-error-unknown_value = Bitte einen Wert aus der Liste wählen.
field-error-invalid_id = Ungültige Auswahl.
field-error-no_such_org = Diese Organisation gibt es nicht.
field-error-role_mismatch = Diese Rolle passt nicht zur Art der Organisation.
field-error-username_taken = Dieser Benutzername ist bereits vergeben.
field-error-reference_missing = Verweist auf einen Datensatz, den es nicht gibt.
field-error-own_parent = Eine Organisation kann nicht sich selbst übergeordnet sein.
field-error-no_such_municipality = Diesen Ort gibt es nicht.
field-error-name_taken = Eine Organisation mit diesem Namen gibt es bereits.
field-error-password_too_short = Das Passwort muss mindestens 10 Zeichen haben.
field-error-password_too_long = Das Passwort darf höchstens 256 Zeichen haben.
field-error-password_is_username = Das Passwort darf nicht der Benutzername sein.
field-error-password_mismatch = Die beiden Passwörter stimmen nicht überein.
field-error-wrong_password = Das aktuelle Passwort ist falsch.
field-error-self_lockout = Sie können sich nicht selbst sperren oder Ihre eigene Rolle ändern.
field-error-out_of_range = Wert außerhalb des erlaubten Bereichs (1–730).
field-error-no_such_user = Diesen Benutzer gibt es nicht.
field-error-invalid = Ungültige Angabe.
