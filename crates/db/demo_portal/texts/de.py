# Deutsch (Quellsprache). Einfache Sprache: kurze Sätze, Sie-Form, praktische Hinweise.
# Each entry: key -> (slug, title, content HTML). {page:KEY} links to a page in the same language.

CATEGORIES = {
    1: "Beratung",
    2: "Behörde",
    3: "Bildung",
    4: "Freizeit und Begegnung",
    5: "Hilfe im Alltag",
}

CONTACTS = {
    "mz": ("Team Erstberatung", "Erstberatung und Situationsanalyse"),
    "abh": ("Servicetelefon Ausländerbehörde", "Termine und allgemeine Fragen"),
    "iq": ("IQ Anerkennungsberatung", "Anerkennung ausländischer Berufs- und Studienabschlüsse"),
}

PAGES = {
    "ankommen": ("ankommen", "Ankommen im Landkreis Osnabrück", """
<p>Willkommen im Landkreis Osnabrück! Hier finden Sie die ersten Schritte nach Ihrer Ankunft.</p>
<p>Am Anfang gibt es viele Termine und Formulare. Das ist normal. Gehen Sie Schritt für Schritt vor:</p>
<ul>
<li><strong>Wohnung anmelden</strong> beim Bürgerbüro Ihrer Stadt oder Gemeinde.</li>
<li><strong>Aufenthalt klären</strong> bei der Ausländerbehörde.</li>
<li><strong>Beratung bekommen</strong> im Migrationszentrum. Die Beratung ist kostenlos.</li>
</ul>
<p>Sie verstehen einen Brief nicht? Bringen Sie ihn zur Beratung mit. Wir helfen Ihnen.</p>
"""),
    "anmeldung": ("anmeldung", "Anmeldung beim Bürgerbüro", """
<p>Wenn Sie in eine Wohnung einziehen, müssen Sie sich innerhalb von zwei Wochen anmelden. Das machen Sie beim Bürgerbüro Ihrer Stadt oder Gemeinde.</p>
<h2>Was brauchen Sie?</h2>
<ul>
<li>Ihren Pass oder Ausweis, und die Pässe aller Personen, die mit einziehen</li>
<li>die Wohnungsgeberbestätigung: Diese Bescheinigung bekommen Sie von Ihrem Vermieter.</li>
<li>wenn vorhanden: Heiratsurkunde und Geburtsurkunden der Kinder</li>
</ul>
<h2>Was bekommen Sie?</h2>
<p>Sie bekommen eine <strong>Meldebescheinigung</strong>. Bewahren Sie sie gut auf. Sie brauchen sie zum Beispiel für die Bank, die Krankenkasse und die Ausländerbehörde.</p>
<p>Nach der ersten Anmeldung in Deutschland schickt Ihnen das Bundeszentralamt für Steuern Ihre <strong>Steuer-Identifikationsnummer</strong> per Post. Sie brauchen diese Nummer, wenn Sie arbeiten.</p>
<h2>Gut zu wissen</h2>
<ul>
<li>Viele Bürgerbüros arbeiten mit Terminen. Buchen Sie am besten vorher einen Termin online oder per Telefon.</li>
<li>Wenn Sie umziehen, melden Sie sich an der neuen Adresse wieder an.</li>
<li>Schreiben Sie Ihren Namen an den Briefkasten. Sonst bekommen Sie keine Post.</li>
</ul>
"""),
    "auslaenderbehoerde": ("auslaenderbehoerde", "Ausländerbehörde: Aufenthaltstitel und Termine", """
<p>Die Ausländerbehörde ist für Ihren Aufenthalt in Deutschland zuständig. Sie stellt zum Beispiel Aufenthaltstitel aus und verlängert sie.</p>
<p>Die Ausländerbehörde des Landkreises Osnabrück ist für alle Städte und Gemeinden im Landkreis zuständig. Sie finden sie im Kreishaus, Am Schölerberg 1, 49082 Osnabrück.</p>
<h2>Termine</h2>
<p>Die Ausländerbehörde arbeitet nur mit Termin. Bitte buchen Sie einen Termin, bevor Sie kommen. Wenn Sie einen Termin nicht wahrnehmen können, sagen Sie ihn bitte ab.</p>
<h2>Aufenthaltstitel verlängern</h2>
<p>Schauen Sie regelmäßig auf das Ablaufdatum Ihres Aufenthaltstitels. Beantragen Sie die Verlängerung <strong>rechtzeitig vor dem Ablaufdatum</strong>, am besten 6 bis 8 Wochen vorher. Wenn Sie den Antrag rechtzeitig stellen, bekommen Sie bis zur Entscheidung in der Regel eine <strong>Fiktionsbescheinigung</strong>. Sie zeigt, dass Ihr Aufenthalt weiter erlaubt ist.</p>
<h2>Was bringen Sie mit?</h2>
<ul>
<li>Pass und aktuellen Aufenthaltstitel</li>
<li>ein aktuelles biometrisches Passfoto</li>
<li>Meldebescheinigung und Mietvertrag</li>
<li>Nachweise über Ihr Einkommen, zum Beispiel Lohnabrechnungen oder den Bescheid vom Jobcenter</li>
<li>Nachweis über Ihre Krankenversicherung</li>
</ul>
<p>Welche Unterlagen Sie genau brauchen, steht in Ihrer Einladung. Fragen Sie im Zweifel nach.</p>
"""),
    "migrationszentrum": ("migrationszentrum", "Migrationszentrum: Beratung und Situationsanalyse", """
<p>Das Migrationszentrum Landkreis Osnabrück ist Ihre erste Anlaufstelle. Wir beraten Sie kostenlos und vertraulich.</p>
<p>Wir sprechen Deutsch und Englisch. Für andere Sprachen organisieren wir Dolmetscherinnen und Dolmetscher.</p>
<h2>Situationsanalyse: Wo stehen Sie?</h2>
<p>Beim ersten Termin sprechen wir in Ruhe über Ihre Situation: Aufenthalt, Sprache, Schule und Beruf, Familie, Gesundheit und Wohnung. Gemeinsam schauen wir, was Sie schon können und was Sie brauchen.</p>
<p>Danach machen wir zusammen einen Plan mit den nächsten Schritten, zum Beispiel Integrationskurs, Anerkennung Ihres Berufsabschlusses oder Kita-Platz. Bei späteren Terminen schauen wir, was geklappt hat und was noch fehlt.</p>
<h2>So bekommen Sie einen Termin</h2>
<ul>
<li>Telefon: 0541 501-3100</li>
<li>E-Mail: migrationszentrum@ankommen.example</li>
<li>Offene Sprechstunde ohne Termin: Dienstag und Donnerstag von 9 bis 12 Uhr</li>
</ul>
<p>Adresse: Migrationszentrum Landkreis Osnabrück, Am Schölerberg 1, 49082 Osnabrück.</p>
"""),
    "deutsch": ("deutsch-lernen", "Deutsch lernen", """
<p>Deutsch hilft Ihnen im Alltag, bei der Arbeit und beim Kontakt mit Nachbarn. Es gibt viele Kurse. Hier finden Sie den passenden Kurs.</p>
<ul>
<li><strong>Integrationskurs</strong>: der wichtigste Kurs für Erwachsene, vom Anfang bis Niveau B1.</li>
<li><strong>Alphabetisierungskurs</strong>: für Menschen, die nicht gut lesen und schreiben können oder die lateinische Schrift noch nicht kennen.</li>
<li><strong>Berufssprachkurse</strong>: Deutsch für den Beruf, meistens nach dem Integrationskurs.</li>
</ul>
<p>Zusätzlich können Sie in Sprachcafés üben. Dort sprechen Sie mit Ehrenamtlichen. Die Teilnahme ist kostenlos.</p>
<p>Kurse in Ihrer Nähe finden Sie mit BAMF-NAVI: <a href="https://bamf-navi.bamf.de">bamf-navi.bamf.de</a>.</p>
"""),
    "integrationskurs": ("integrationskurs", "Integrationskurs: So funktioniert es", """
<p>Im Integrationskurs lernen Sie Deutsch und erfahren viel über das Leben in Deutschland. Das Bundesamt für Migration und Flüchtlinge (BAMF) organisiert und bezahlt die Kurse. Vor Ort machen Kursträger wie Volkshochschulen und Sprachschulen den Unterricht.</p>
<h2>Aufbau</h2>
<ul>
<li><strong>Sprachkurs</strong>: 600 Unterrichtseinheiten. Sie lernen Deutsch für den Alltag, zum Beispiel beim Arzt, beim Einkaufen oder bei Behörden.</li>
<li><strong>Orientierungskurs</strong>: 100 Unterrichtseinheiten. Sie lernen über Geschichte, Politik, Rechte und Werte in Deutschland.</li>
</ul>
<p>Eine Unterrichtseinheit dauert 45 Minuten. Es gibt Vollzeitkurse und Teilzeitkurse. Am Ende machen Sie zwei Prüfungen: den „Deutsch-Test für Zuwanderer“ (Niveau A2 bis B1) und den Test „Leben in Deutschland“.</p>
<h2>Wie kommen Sie in einen Kurs?</h2>
<ul>
<li>Sie haben von der Ausländerbehörde oder vom Jobcenter einen <strong>Berechtigungsschein</strong> oder eine <strong>Verpflichtung</strong> bekommen. Damit gehen Sie zu einem Kursträger.</li>
<li>Sie haben keinen Schein? Dann können Sie beim BAMF einen <strong>Antrag auf Zulassung</strong> stellen. Das Migrationszentrum hilft Ihnen beim Antrag.</li>
<li>Beim Kursträger machen Sie einen kostenlosen <strong>Einstufungstest</strong>. So sehen Sie, auf welchem Niveau Sie beginnen.</li>
</ul>
<h2>Kosten</h2>
<p>Sie zahlen einen Kostenbeitrag für jede Unterrichtseinheit. Den Rest bezahlt der Staat. Wenn Sie <strong>Bürgergeld oder Sozialhilfe</strong> bekommen, können Sie sich von den Kosten befreien lassen. Stellen Sie den Antrag beim BAMF, bevor der Kurs beginnt. Wenn Sie von den Kosten befreit sind, können Sie unter bestimmten Bedingungen auch einen Zuschuss zu den Fahrtkosten bekommen.</p>
<h2>Kurse für Eltern</h2>
<p>Sie haben kleine Kinder? Es gibt <strong>Eltern- und Frauenintegrationskurse</strong>. Sie finden oft am Vormittag statt, wenn die Kinder in der Kita oder Schule sind. Einige Kursträger bieten während des Kurses eine Kinderbetreuung an. Fragen Sie bei der Anmeldung danach. Melden Sie Ihr Kind außerdem früh für einen Kita-Platz an.</p>
"""),
    "alphabetisierung": ("alphabetisierungskurs", "Alphabetisierungskurs", """
<p>Sie können noch nicht gut lesen und schreiben? Oder Sie kennen nur eine andere Schrift, zum Beispiel die arabische Schrift? Dann ist ein Integrationskurs mit Alphabetisierung der richtige Kurs für Sie.</p>
<p>In diesem Kurs lernen Sie langsam und Schritt für Schritt: zuerst die Buchstaben, dann Wörter und Sätze. Der Kurs hat mehr Unterrichtseinheiten als der allgemeine Integrationskurs, und die Gruppen sind kleiner.</p>
<p>Sie müssen sich nicht schämen. Viele Erwachsene lernen in Deutschland lesen und schreiben. Sie sind damit nicht allein.</p>
<h2>So melden Sie sich an</h2>
<p>Zum Kurs kommen Sie wie zum Integrationskurs: mit Berechtigungsschein, Verpflichtung oder Antrag beim BAMF. Beim Einstufungstest sieht der Kursträger, ob ein Alphabetisierungskurs für Sie passt. Für die Kosten gelten die gleichen Regeln wie beim Integrationskurs.</p>
"""),
    "berufssprachkurse": ("berufssprachkurse", "Berufssprachkurse: Deutsch für den Beruf", """
<p>Berufssprachkurse helfen Ihnen, Deutsch für die Arbeit zu lernen. Sie üben zum Beispiel E-Mails schreiben, am Telefon sprechen und Fachwörter für Ihren Beruf.</p>
<ul>
<li>Es gibt Kurse für die Niveaus B1, B2 und C1.</li>
<li>Es gibt Spezialkurse, zum Beispiel für Gesundheitsberufe oder für Handwerk und Technik.</li>
<li>Die Kurse gibt es in Vollzeit und in Teilzeit. Viele Menschen machen den Kurs neben der Arbeit.</li>
</ul>
<p>Meistens haben Sie vorher einen Integrationskurs beendet oder sprechen schon etwas Deutsch.</p>
<h2>Anmeldung und Kosten</h2>
<p>Wenn Sie beim Jobcenter oder bei der Agentur für Arbeit gemeldet sind, sprechen Sie dort mit Ihrer Beraterin oder Ihrem Berater. Sie bekommen dann eine Berechtigung, und der Kurs ist für Sie kostenlos.</p>
<p>Wenn Sie arbeiten, können Sie sich direkt beim BAMF anmelden. Ob Sie einen Eigenanteil zahlen, hängt von Ihrem Einkommen ab.</p>
"""),
    "arbeit": ("arbeit", "Arbeit und Anerkennung", """
<p>Sie möchten arbeiten oder eine Ausbildung machen? Hier finden Sie erste Informationen.</p>
<p>Wichtig: Schauen Sie zuerst auf Ihren Aufenthaltstitel oder Ihre Aufenthaltsgestattung. Dort steht, ob Sie arbeiten dürfen. Wenn dort steht, dass Sie die Erlaubnis der Ausländerbehörde brauchen, fragen Sie dort, bevor Sie eine Arbeit anfangen.</p>
<ul>
<li>Sie haben einen Beruf gelernt oder im Ausland studiert? Lassen Sie Ihren Abschluss anerkennen.</li>
<li>Sie suchen Arbeit? Das Jobcenter oder die Agentur für Arbeit helfen Ihnen.</li>
</ul>
<p>Arbeiten Sie nur mit Arbeitsvertrag und Anmeldung. Nur dann sind Sie versichert und haben Rechte als Arbeitnehmerin oder Arbeitnehmer. In Deutschland gibt es einen gesetzlichen Mindestlohn.</p>
"""),
    "anerkennung": ("anerkennung", "Anerkennung ausländischer Abschlüsse", """
<p>Haben Sie im Ausland eine Ausbildung oder ein Studium gemacht? Dann können Sie Ihren Abschluss in Deutschland prüfen lassen. Das nennt man Anerkennung.</p>
<h2>Brauchen Sie eine Anerkennung?</h2>
<ul>
<li>Für manche Berufe ist die Anerkennung <strong>Pflicht</strong>. Das sind reglementierte Berufe, zum Beispiel Ärztin oder Arzt, Pflegefachkraft, Lehrkraft, Erzieherin oder Erzieher.</li>
<li>Für andere Berufe ist die Anerkennung <strong>keine Pflicht</strong>. Sie hilft aber bei der Bewerbung, weil Arbeitgeber Ihren Abschluss dann besser verstehen.</li>
<li>Für ein Studium ohne reglementierten Beruf können Sie eine <strong>Zeugnisbewertung</strong> bei der Zentralstelle für ausländisches Bildungswesen (ZAB) beantragen.</li>
</ul>
<h2>So gehen Sie vor</h2>
<ul>
<li>Finden Sie mit dem Anerkennungs-Finder heraus, welche Stelle für Ihren Beruf zuständig ist: <a href="https://www.anerkennung-in-deutschland.de">anerkennung-in-deutschland.de</a>.</li>
<li>Lassen Sie sich kostenlos beraten. Das <strong>IQ Netzwerk</strong> bietet Anerkennungsberatung an, auch mit Terminen im Migrationszentrum: <a href="https://www.netzwerk-iq.de">netzwerk-iq.de</a>.</li>
<li>Sammeln Sie Ihre Zeugnisse, Diplome und Arbeitsnachweise. Meistens brauchen Sie beglaubigte Kopien und Übersetzungen.</li>
</ul>
<p>Das Verfahren kostet Gebühren. Wenn Sie Bürgergeld bekommen oder arbeitslos gemeldet sind, fragen Sie das Jobcenter oder die Agentur für Arbeit, ob sie die Kosten übernehmen.</p>
<p>Fragen auf Deutsch und Englisch beantwortet auch die Hotline „Arbeiten und Leben in Deutschland“: 030 1815-1111.</p>
"""),
    "jobcenter": ("jobcenter-arbeitsagentur", "Jobcenter und Agentur für Arbeit", """
<p>Zwei Stellen helfen Ihnen bei der Suche nach Arbeit: das Jobcenter und die Agentur für Arbeit. Welche Stelle für Sie zuständig ist, hängt von Ihrer Situation ab.</p>
<h2>Jobcenter</h2>
<p>Das Jobcenter ist zuständig, wenn Sie <strong>Bürgergeld</strong> bekommen. Im Landkreis Osnabrück heißt das Jobcenter <strong>MaßArbeit</strong>. Das Jobcenter zahlt Geld zum Leben und für die Wohnung. Es hilft auch bei der Suche nach Arbeit, Ausbildung und Sprachkursen.</p>
<h2>Agentur für Arbeit</h2>
<p>Die Agentur für Arbeit ist zuständig, wenn Sie kein Bürgergeld bekommen, zum Beispiel wenn Sie schon in Deutschland gearbeitet haben und Arbeitslosengeld bekommen. Die Berufsberatung der Agentur für Arbeit hilft allen Menschen bei Fragen zu Ausbildung und Beruf.</p>
<h2>Wichtige Regeln</h2>
<ul>
<li>Ihr Arbeitsvertrag endet? Melden Sie sich spätestens 3 Monate vorher bei der Agentur für Arbeit arbeitsuchend. Wenn Sie es später erfahren, melden Sie sich innerhalb von 3 Tagen.</li>
<li>Gehen Sie zu jedem Termin. Wenn Sie krank sind, schicken Sie eine Krankmeldung.</li>
<li>Öffnen Sie Briefe vom Jobcenter sofort. Oft gibt es eine Frist.</li>
</ul>
<p>Mehr Informationen: <a href="https://www.arbeitsagentur.de">arbeitsagentur.de</a></p>
"""),
    "gesundheit": ("gesundheit", "Gesundheit", """
<p>Hier erfahren Sie, wie Sie in Deutschland zum Arzt gehen und was Sie im Notfall tun.</p>
<ul>
<li><strong>Krankenversicherung und Arztbesuch</strong>: Wer bezahlt? Wie finde ich eine Ärztin oder einen Arzt?</li>
<li><strong>Notfall</strong>: Welche Nummer rufe ich an?</li>
</ul>
<p>Bei Lebensgefahr rufen Sie sofort die <strong>112</strong> an. Der Anruf ist kostenlos.</p>
"""),
    "krankenversicherung": ("krankenversicherung", "Krankenversicherung und Arztbesuch", """
<p>In Deutschland muss jeder Mensch krankenversichert sein. Die Krankenversicherung bezahlt Arztbesuche, das Krankenhaus und viele Medikamente.</p>
<h2>Wie sind Sie versichert?</h2>
<ul>
<li>Wenn Sie arbeiten, meldet Ihr Arbeitgeber Sie bei einer Krankenkasse an. Sie können die Krankenkasse selbst wählen.</li>
<li>Wenn Sie Bürgergeld bekommen, sind Sie in der Regel über das Jobcenter versichert.</li>
<li>Wenn Sie Leistungen nach dem Asylbewerberleistungsgesetz bekommen, fragen Sie das Sozialamt, wie Sie zum Arzt gehen können.</li>
</ul>
<p>Von der Krankenkasse bekommen Sie eine <strong>Gesundheitskarte</strong>. Nehmen Sie sie zu jedem Arztbesuch mit.</p>
<h2>Zum Arzt gehen</h2>
<ul>
<li>Suchen Sie sich eine <strong>Hausärztin oder einen Hausarzt</strong>. Dort gehen Sie zuerst hin, wenn Sie krank sind.</li>
<li>Rufen Sie vorher an und machen Sie einen Termin.</li>
<li>Für Kinder gibt es Kinderärztinnen und Kinderärzte. Gehen Sie mit Ihrem Kind zu den Vorsorgeuntersuchungen (U-Untersuchungen).</li>
</ul>
<p>Sie sprechen noch nicht gut Deutsch? Fragen Sie bei der Terminvereinbarung, ob jemand Ihre Sprache spricht. Sie können auch eine Person mitnehmen, die für Sie übersetzt.</p>
<p>Hilfe bei der Suche nach einem Termin bekommen Sie unter der Telefonnummer 116117 oder auf <a href="https://www.116117.de">116117.de</a>.</p>
"""),
    "notfall": ("notfall", "Notfall: Wichtige Telefonnummern", """
<p>Im Notfall zählt jede Minute. Diese Nummern können Sie kostenlos anrufen.</p>
<ul>
<li><strong>112</strong>: Feuerwehr und Rettungsdienst. Rufen Sie an bei Feuer, bei einem schweren Unfall oder wenn ein Mensch in Lebensgefahr ist.</li>
<li><strong>110</strong>: Polizei. Rufen Sie an, wenn Sie bedroht werden oder eine Straftat sehen.</li>
<li><strong>116117</strong>: Ärztlicher Bereitschaftsdienst. Rufen Sie an, wenn Sie nachts, am Wochenende oder an Feiertagen krank sind und nicht bis zum nächsten Werktag warten können.</li>
<li><strong>0551 19240</strong>: Giftinformationszentrum-Nord, wenn jemand etwas Giftiges gegessen oder getrunken hat.</li>
</ul>
<h2>So sprechen Sie am Telefon</h2>
<p>Sagen Sie ruhig: Wo ist es passiert? Was ist passiert? Wie viele Menschen sind verletzt? Warten Sie dann auf Fragen. Legen Sie nicht selbst auf.</p>
<h2>Hilfe in schweren Situationen</h2>
<ul>
<li>Hilfetelefon „Gewalt gegen Frauen“: <strong>116 016</strong>, Tag und Nacht, in vielen Sprachen.</li>
<li>TelefonSeelsorge: <strong>0800 111 0 111</strong>, Tag und Nacht, anonym.</li>
</ul>
"""),
    "kinder": ("kinder-schule", "Kinder und Schule", """
<p>In Kita und Schule lernen Kinder Deutsch und finden Freunde. Hier erfahren Sie, wie Sie einen Kita-Platz finden und Ihr Kind in der Schule anmelden.</p>
<ul>
<li><strong>Kita</strong>: für Kinder ab 1 Jahr bis zum Schulbeginn.</li>
<li><strong>Schule</strong>: In Deutschland müssen alle Kinder zur Schule gehen.</li>
</ul>
<p>Sie haben Fragen zur Erziehung oder brauchen Hilfe in der Familie? Das Jugendamt und die Familienzentren beraten Sie kostenlos.</p>
"""),
    "kita": ("kita", "Einen Kita-Platz finden", """
<p>In Deutschland hat jedes Kind ab 1 Jahr einen Anspruch auf einen Platz in einer Kita oder in der Kindertagespflege. Kinder unter 3 Jahren gehen in die Krippe, ältere Kinder in den Kindergarten.</p>
<h2>Anmeldung</h2>
<ul>
<li>Melden Sie Ihr Kind so früh wie möglich an. Viele Kitas nehmen neue Kinder vor allem zum 1. August auf. Die Anmeldung ist oft schon im Winter davor.</li>
<li>Die Anmeldung läuft über Ihre Stadt oder Gemeinde. Fragen Sie im Rathaus, wie es bei Ihnen funktioniert.</li>
<li>Für die Kita brauchen Sie einen Nachweis über die Masernimpfung Ihres Kindes.</li>
</ul>
<h2>Kosten</h2>
<p>In Niedersachsen ist der Kindergarten für Kinder ab 3 Jahren bis zum Schulbeginn beitragsfrei, für bis zu 8 Stunden am Tag. Für Kinder unter 3 Jahren kann es Gebühren geben. Wenn Sie wenig Geld haben, können Sie Hilfe beantragen. Das Mittagessen kostet oft extra. Es kann über das Bildungspaket (Bildung und Teilhabe) bezahlt werden.</p>
<p>Sie finden keinen Platz? Das Migrationszentrum und das Jugendamt helfen Ihnen weiter.</p>
"""),
    "schule": ("schule", "Ihr Kind in der Schule anmelden", """
<p>In Deutschland gibt es eine Schulpflicht. Alle Kinder und Jugendlichen müssen zur Schule gehen, auch wenn sie neu in Deutschland sind. Öffentliche Schulen kosten kein Schulgeld.</p>
<h2>Grundschule</h2>
<p>Kinder kommen mit etwa 6 Jahren in die Grundschule. Die Grundschule dauert in Niedersachsen 4 Jahre. Sie melden Ihr Kind bei der Grundschule in Ihrem Wohngebiet an. Ihre Stadt oder Gemeinde sagt Ihnen, welche Schule zuständig ist.</p>
<h2>Ab Klasse 5</h2>
<p>Danach gibt es verschiedene Schulformen, zum Beispiel Oberschule, Realschule, Gesamtschule und Gymnasium. Die Schule berät Sie, welche Schulform zu Ihrem Kind passt.</p>
<h2>Neu in Deutschland</h2>
<p>Viele Schulen haben <strong>Sprachlernklassen</strong> oder zusätzlichen Deutschunterricht. Dort lernen Kinder zuerst Deutsch und wechseln dann Schritt für Schritt in die normale Klasse. Jugendliche ab etwa 16 Jahren können an einer Berufsbildenden Schule (BBS) Deutsch lernen und einen Schulabschluss machen.</p>
<p>Zur Anmeldung bringen Sie mit: Pass oder Ausweis des Kindes, die Meldebescheinigung, wenn vorhanden Zeugnisse aus dem Herkunftsland und den Nachweis über die Masernimpfung.</p>
"""),
    "beratung": ("beratung", "Beratung", """
<p>Sie haben Fragen oder Probleme? Im Landkreis Osnabrück gibt es viele kostenlose Beratungsstellen. Die Beratung ist vertraulich: Die Beraterinnen und Berater erzählen nichts weiter.</p>
<ul>
<li><strong>Migrationsberatung für Erwachsene (MBE)</strong>: für Menschen ab 27 Jahren.</li>
<li><strong>Jugendmigrationsdienst (JMD)</strong>: für junge Menschen von 12 bis 27 Jahren.</li>
<li><strong>Flüchtlingsberatung</strong>: für Geflüchtete und Asylsuchende.</li>
</ul>
<p>Sie wissen nicht, wohin Sie gehen sollen? Fragen Sie im Migrationszentrum. Wir zeigen Ihnen die richtige Stelle.</p>
"""),
    "mbe": ("migrationsberatung", "Migrationsberatung für Erwachsene (MBE)", """
<p>Die Migrationsberatung für erwachsene Zuwanderer (MBE) ist für Menschen ab 27 Jahren. Sie hilft vor allem in den ersten Jahren in Deutschland. Die Beratung ist kostenlos.</p>
<h2>Dabei hilft die MBE</h2>
<ul>
<li>Deutschkurse und Integrationskurs</li>
<li>Arbeit, Anerkennung und Ausbildung</li>
<li>Wohnung, Briefe von Behörden und Anträge</li>
<li>Familie, Gesundheit und Geld</li>
</ul>
<p>Die MBE wird von Wohlfahrtsverbänden angeboten, zum Beispiel von Caritas, Diakonie, AWO oder DRK. Wo Sie im Landkreis eine Sprechstunde finden, erfahren Sie im Migrationszentrum.</p>
<p>Sie können sich auch online in vielen Sprachen beraten lassen: <a href="https://www.mbeon.de">mbeon.de</a>.</p>
"""),
    "jmd": ("jugendmigrationsdienst", "Jugendmigrationsdienst (JMD)", """
<p>Der Jugendmigrationsdienst (JMD) berät junge Menschen mit Migrationsgeschichte von 12 bis 27 Jahren. Die Beratung ist kostenlos und freiwillig.</p>
<h2>Dabei hilft der JMD</h2>
<ul>
<li>Schule, Schulabschluss und Deutschkurse</li>
<li>Ausbildung, Studium und Beruf</li>
<li>Probleme in der Familie oder mit Behörden</li>
<li>Freizeit, Sport und neue Kontakte</li>
</ul>
<p>Die Beraterinnen und Berater begleiten Sie auch über längere Zeit, wenn Sie das möchten. Sie können auch Ihre Eltern mitbringen.</p>
<p>Mehr Informationen: <a href="https://www.jugendmigrationsdienste.de">jugendmigrationsdienste.de</a></p>
"""),
    "fluechtlingsberatung": ("fluechtlingsberatung", "Flüchtlingsberatung", """
<p>Sie sind als geflüchteter Mensch nach Deutschland gekommen? Die Flüchtlingsberatung hilft Ihnen bei Fragen zum Asylverfahren, zur Unterkunft und zum Alltag.</p>
<h2>Dabei hilft die Flüchtlingsberatung</h2>
<ul>
<li>Ablauf des Asylverfahrens und Vorbereitung auf die Anhörung beim BAMF</li>
<li>Briefe vom BAMF, von der Ausländerbehörde oder vom Sozialamt verstehen</li>
<li>Familiennachzug, Umzug und Arbeit</li>
</ul>
<p><strong>Achtung Fristen:</strong> Gegen einen Bescheid vom BAMF können Sie nur innerhalb einer kurzen Frist klagen. Gehen Sie sofort zur Beratung, wenn Sie einen Bescheid bekommen.</p>
<p>Die Beratung ist kostenlos und vertraulich. Informationen zu rechtlichen Fragen hat auch der Flüchtlingsrat Niedersachsen: <a href="https://www.nds-fluerat.org">nds-fluerat.org</a>.</p>
"""),
    # --- Bramsche -------------------------------------------------------------
    "bsm_willkommen": ("willkommen", "Willkommen in Bramsche", """
<p>Schön, dass Sie in Bramsche sind! Bramsche ist eine Stadt mit rund 31.000 Einwohnerinnen und Einwohnern im Norden des Landkreises Osnabrück.</p>
<h2>Rathaus und Bürgerbüro</h2>
<p>Im Bürgerbüro melden Sie Ihre Wohnung an, beantragen Dokumente und bekommen Auskünfte.</p>
<p><strong>Bürgerbüro Bramsche</strong>, Hasestraße 11, 49565 Bramsche</p>
<ul>
<li>Montag, Dienstag, Mittwoch und Freitag: 8 bis 12 Uhr</li>
<li>Donnerstag: 8 bis 12 Uhr und 14 bis 18 Uhr</li>
<li>Telefon: 05461 83-0</li>
</ul>
<p>Bitte buchen Sie möglichst vorher einen Termin.</p>
<p>Im Ortsteil Hesepe gibt es einen Standort der Landesaufnahmebehörde Niedersachsen. Dort wohnen viele Geflüchtete in den ersten Wochen.</p>
<p>Informationen für den ganzen Landkreis, zum Beispiel zu Integrationskursen, Arbeit und Gesundheit, finden Sie auf den Seiten des <a href="{page:ankommen}">Landkreises Osnabrück</a>.</p>
"""),
    "bsm_ehrenamt": ("ehrenamt-sprachcafe", "Ehrenamt und Sprachcafé", """
<p>In Bramsche engagieren sich viele Menschen ehrenamtlich für Neuzugewanderte. Sie helfen beim Deutschlernen, bei Briefen und im Alltag.</p>
<h2>Sprachcafé</h2>
<p>Jeden Mittwoch von 16 bis 18 Uhr treffen sich Menschen aus vielen Ländern im Familienzentrum Bramsche. Sie sprechen Deutsch, trinken Tee und lernen sich kennen. Sie brauchen keine Anmeldung, und es kostet nichts. Kinder sind willkommen.</p>
<h2>Integrationslotsinnen und Integrationslotsen</h2>
<p>Integrationslotsen sind geschulte Ehrenamtliche. Sie begleiten Sie zum Beispiel zu Terminen bei Behörden oder zeigen Ihnen die Stadt. Jeden ersten Dienstag im Monat gibt es von 10 bis 12 Uhr eine Sprechstunde im Rathaus.</p>
<h2>Selbst mitmachen</h2>
<p>Sie möchten selbst helfen, zum Beispiel als Dolmetscherin oder Dolmetscher für Ihre Sprache? Sprechen Sie uns im Sprachcafé an. Ein Ehrenamt ist auch eine gute Möglichkeit, Deutsch zu üben.</p>
"""),
    "bsm_kita": ("kita-schule", "Kita und Schule in Bramsche", """
<p>In Bramsche gibt es viele Kitas, Grundschulen und weiterführende Schulen. Hier erfahren Sie, wo Sie Ihr Kind anmelden.</p>
<ul>
<li><strong>Kita</strong>: Die Anmeldung läuft über die Stadt Bramsche. Das Formular bekommen Sie im Rathaus. Melden Sie Ihr Kind möglichst bis Ende Januar an. Dann ist die Chance auf einen Platz ab August am größten.</li>
<li><strong>Grundschule</strong>: Ihr Kind geht in die Grundschule in Ihrem Wohngebiet. Im Bürgerbüro erfahren Sie, welche Schule das ist.</li>
<li><strong>Weiterführende Schulen</strong>: In Bramsche und in der Umgebung gibt es verschiedene Schulformen. Die Grundschule berät Sie in der 4. Klasse.</li>
</ul>
<p>Hausaufgabenhilfe und Lernpaten gibt es im Familienzentrum. Fragen Sie dort nach.</p>
<p>Allgemeine Informationen zu Kita und Schule finden Sie auf den Seiten des <a href="{page:kinder}">Landkreises Osnabrück</a>.</p>
"""),
    # --- Melle ----------------------------------------------------------------
    "mel_willkommen": ("willkommen", "Willkommen in Melle", """
<p>Herzlich willkommen in Melle! Melle ist mit rund 47.000 Einwohnerinnen und Einwohnern die größte Stadt im Landkreis Osnabrück. Zur Stadt gehören mehrere Stadtteile, zum Beispiel Melle-Mitte, Buer, Gesmold und Neuenkirchen.</p>
<h2>Bürgerbüro</h2>
<p><strong>Bürgerbüro Melle</strong>, Markt 22, 49324 Melle</p>
<ul>
<li>Montag bis Freitag: 8 bis 12:30 Uhr</li>
<li>Dienstag zusätzlich: 14 bis 16 Uhr</li>
<li>Donnerstag zusätzlich: 14 bis 18 Uhr</li>
<li>Telefon: 05422 965-0</li>
</ul>
<p>Für viele Anliegen brauchen Sie einen Termin. Sie können ihn online oder per Telefon buchen.</p>
<h2>Unterwegs in Melle</h2>
<p>Busse verbinden die Stadtteile mit Melle-Mitte. Mit dem Zug fahren Sie vom Bahnhof Melle in etwa 20 Minuten nach Osnabrück.</p>
<p>Informationen für den ganzen Landkreis finden Sie auf den Seiten des <a href="{page:ankommen}">Landkreises Osnabrück</a>.</p>
"""),
    "mel_begegnung": ("begegnung", "Deutsch üben und Menschen treffen", """
<p>Sprechen hilft beim Lernen. In Melle gibt es mehrere Angebote, bei denen Sie Deutsch üben und neue Menschen kennenlernen.</p>
<ul>
<li><strong>Sprachcafé</strong>: jeden Freitag von 15 bis 17 Uhr im Stadtteilzentrum Melle-Mitte. Ohne Anmeldung und kostenlos.</li>
<li><strong>Internationales Frauenfrühstück</strong>: jeden zweiten Samstag im Monat von 10 bis 12 Uhr. Frauen aus allen Ländern frühstücken zusammen. Kleine Kinder können mitkommen.</li>
<li><strong>Bewerbungstraining</strong>: Ehrenamtliche helfen beim Lebenslauf und üben mit Ihnen das Vorstellungsgespräch.</li>
</ul>
<p>Die nächsten Termine finden Sie bei den Veranstaltungen.</p>
"""),
    "mel_alltag": ("unterstuetzung", "Unterstützung im Alltag", """
<p>Manchmal reicht das Geld nicht, oder Sie brauchen Hilfe bei Briefen und Anträgen. In Melle bekommen Sie Unterstützung.</p>
<h2>Tafel</h2>
<p>Bei der Tafel bekommen Menschen mit wenig Geld Lebensmittel für einen kleinen Betrag. Sie brauchen einen Nachweis, zum Beispiel den Bescheid vom Jobcenter oder vom Sozialamt. Dann bekommen Sie einen Tafel-Ausweis.</p>
<h2>Migrationsberatung</h2>
<p>Die Migrationsberatung in Melle hilft bei Anträgen, Briefen von Behörden, der Wohnungssuche und Fragen zum Aufenthalt. Die offene Sprechstunde ist am Dienstag von 9 bis 12 Uhr.</p>
<h2>Kleidung und Möbel</h2>
<p>Gebrauchte Kleidung und Möbel bekommen Sie günstig in Kleiderkammern und Sozialkaufhäusern. Fragen Sie in der Beratung nach Adressen.</p>
"""),
    # --- Quakenbrück ----------------------------------------------------------
    "qbr_willkommen": ("willkommen", "Willkommen in Quakenbrück", """
<p>Willkommen in Quakenbrück! Die Stadt liegt im Norden des Landkreises Osnabrück und hat rund 14.000 Einwohnerinnen und Einwohner. Hier leben Menschen aus vielen Ländern.</p>
<h2>Rathaus und Bürgerbüro</h2>
<p>Im Rathaus ist auch die Verwaltung der Samtgemeinde Artland. Das Bürgerbüro ist deshalb auch für Badbergen, Menslage und Nortrup zuständig.</p>
<p><strong>Bürgerbüro Quakenbrück</strong>, Markt 1, 49610 Quakenbrück</p>
<ul>
<li>Montag bis Freitag: 8:30 bis 12 Uhr</li>
<li>Donnerstag zusätzlich: 14 bis 17:30 Uhr</li>
<li>Telefon: 05431 182-0</li>
</ul>
<p>Informationen für den ganzen Landkreis finden Sie auf den Seiten des <a href="{page:ankommen}">Landkreises Osnabrück</a>.</p>
"""),
    "qbr_kita": ("kita-schule", "Kita und Schule in Quakenbrück", """
<p>Kinder lernen schnell Deutsch, wenn sie mit anderen Kindern spielen und lernen. Melden Sie Ihr Kind deshalb früh in Kita und Schule an.</p>
<ul>
<li><strong>Kita</strong>: Informationen zur Anmeldung bekommen Sie im Rathaus. Im Januar gibt es einen Infoabend zur Kita-Anmeldung.</li>
<li><strong>Schule</strong>: Ihr Kind geht zur Grundschule in Ihrem Wohngebiet. Im Rathaus erfahren Sie, welche Schule zuständig ist. Ältere Kinder besuchen eine weiterführende Schule in Quakenbrück oder in der Umgebung.</li>
<li><strong>Hausaufgabenhilfe</strong>: montags und donnerstags von 15 bis 16:30 Uhr in der Stadtbibliothek, nicht in den Schulferien.</li>
</ul>
<p>Im Februar gibt es einen Elternabend „Schule in Deutschland“. Lehrkräfte erklären, wie die Schule funktioniert, und beantworten Ihre Fragen. Dolmetscherinnen und Dolmetscher sind da.</p>
"""),
    "qbr_begegnung": ("hilfe-begegnung", "Hilfe und Begegnung", """
<p>In Quakenbrück finden Sie Beratung, Hilfe im Alltag und Orte zum Kennenlernen.</p>
<ul>
<li><strong>Flüchtlingssozialarbeit</strong>: Beratung zum Asylverfahren, zu Briefen und zum Alltag. Sprechstunde am Montag und Mittwoch.</li>
<li><strong>Tafel Quakenbrück</strong>: Lebensmittel für Menschen mit wenig Geld. Ausgabe dienstags und freitags.</li>
<li><strong>Stadtbibliothek</strong>: Bücher zum Deutschlernen, Bilderbücher für Kinder, kostenloses WLAN und ruhige Lernplätze.</li>
</ul>
<p>Sie möchten Menschen kennenlernen? In Sportvereinen, Chören und Kirchengemeinden sind neue Mitglieder willkommen. Fragen Sie in der Beratung nach Kontakten.</p>
"""),
}

EVENTS = {
    "infoabend_ik": ("infoabend-integrationskurse", "Infoabend: Integrationskurse im Landkreis", """
<p>Sie möchten einen Integrationskurs machen und haben Fragen? An diesem Abend erklären wir, wie der Kurs funktioniert, wie Sie sich anmelden und was er kostet.</p>
<ul>
<li>Aufbau: Sprachkurs und Orientierungskurs</li>
<li>Berechtigungsschein, Antrag beim BAMF und Einstufungstest</li>
<li>Befreiung von den Kosten und Fahrtkosten</li>
<li>Kurse mit Kinderbetreuung</li>
</ul>
<p>Kursträger aus dem Landkreis stellen ihre Kurse vor. Dolmetscherinnen für Arabisch, Farsi, Ukrainisch und Russisch sind da. Eine Anmeldung ist nicht nötig.</p>
"""),
    "online_anerkennung": ("online-sprechstunde-anerkennung", "Online-Sprechstunde: Anerkennung ausländischer Abschlüsse", """
<p>In dieser Online-Sprechstunde beantworten Beraterinnen der IQ Anerkennungsberatung Ihre Fragen zur Anerkennung von Berufs- und Studienabschlüssen.</p>
<p>Sie brauchen nur ein Smartphone oder einen Computer mit Internet. Klicken Sie zur Startzeit auf den Link zur Videokonferenz. Ihre Kamera können Sie ausgeschaltet lassen.</p>
<p>Die Sprechstunde ist auf Deutsch und Englisch. Danach können Sie einen persönlichen Beratungstermin vereinbaren, auch mit Dolmetscherin.</p>
"""),
    "jobmesse": ("jobmesse", "Jobmesse: Arbeit und Ausbildung im Osnabrücker Land", """
<p>Auf der Jobmesse stellen sich Betriebe aus dem Landkreis Osnabrück vor. Sie suchen Mitarbeiterinnen, Mitarbeiter und Auszubildende, zum Beispiel in der Pflege, im Handwerk, in der Logistik und in der Gastronomie.</p>
<ul>
<li>Sprechen Sie direkt mit Arbeitgebern.</li>
<li>Lassen Sie Ihren Lebenslauf prüfen.</li>
<li>Informieren Sie sich über Ausbildung, Anerkennung und Berufssprachkurse.</li>
</ul>
<p>Bringen Sie Ihren Lebenslauf mehrmals ausgedruckt mit. Der Eintritt ist frei.</p>
"""),
    "gesundheit_info": ("gesund-in-deutschland", "Infoveranstaltung: Gesund in Deutschland", """
<p>Wie funktioniert die Krankenkasse? Wann gehe ich zur Hausärztin und wann ins Krankenhaus? Welche Nummer rufe ich nachts an?</p>
<p>Eine Ärztin und eine Mitarbeiterin einer Krankenkasse erklären das Gesundheitssystem in einfacher Sprache. Danach können Sie Fragen stellen.</p>
<p>Dolmetscherinnen für Arabisch, Farsi, Türkisch und Ukrainisch sind da. Die Teilnahme ist kostenlos.</p>
"""),
    "bsm_sprachcafe": ("sprachcafe", "Sprachcafé Bramsche", """
<p>Jeden Mittwoch treffen sich im Familienzentrum Bramsche Menschen aus vielen Ländern. Wir sprechen Deutsch, trinken Tee und Kaffee und lernen uns kennen.</p>
<p>Alle sind willkommen, egal wie gut Sie Deutsch sprechen. Ehrenamtliche helfen auch bei Hausaufgaben aus dem Deutschkurs. Die Teilnahme ist kostenlos, eine Anmeldung ist nicht nötig. Kinder können mitkommen.</p>
"""),
    "bsm_lotsen": ("sprechstunde-integrationslotsen", "Sprechstunde der Integrationslotsen", """
<p>Jeden ersten Dienstag im Monat sind die Integrationslotsinnen und Integrationslotsen im Rathaus Bramsche für Sie da.</p>
<p>Sie helfen bei Briefen und Formularen, erklären Wege zu Behörden und begleiten Sie, wenn Sie möchten, zu Terminen. Die Lotsen sprechen unter anderem Arabisch, Kurdisch, Russisch und Ukrainisch.</p>
<p>Die Sprechstunde ist im Erdgeschoss, Raum 12. Sie brauchen keine Anmeldung.</p>
"""),
    "bsm_fest": ("fest-der-kulturen", "Fest der Kulturen", """
<p>Beim Fest der Kulturen feiert Bramsche die Vielfalt in der Stadt. Vereine und Gruppen zeigen Musik, Tanz und Essen aus vielen Ländern.</p>
<p>Es gibt ein Programm für Kinder, Stände von Beratungsstellen und ein gemeinsames Essen am Familienzentrum. Sie möchten mit einem Stand oder einem Beitrag mitmachen? Melden Sie sich im Sprachcafé.</p>
"""),
    "mel_sprachcafe": ("sprachcafe", "Sprachcafé Melle", """
<p>Jeden Freitag von 15 bis 17 Uhr können Sie im Stadtteilzentrum Melle-Mitte Deutsch sprechen üben.</p>
<p>Ehrenamtliche sprechen mit Ihnen über den Alltag, beantworten Fragen und helfen bei Briefen. Es gibt Tee, Kaffee und Kuchen. Die Teilnahme ist kostenlos und ohne Anmeldung.</p>
"""),
    "mel_fruehstueck": ("frauenfruehstueck", "Internationales Frauenfrühstück", """
<p>Jeden zweiten Samstag im Monat frühstücken Frauen aus vielen Ländern zusammen. Sie lernen andere Frauen kennen und üben dabei Deutsch.</p>
<p>Manchmal gibt es ein Thema, zum Beispiel Gesundheit, Schule oder Arbeit. Kleine Kinder können mitkommen. Wenn Sie möchten, bringen Sie eine Kleinigkeit zum Essen mit.</p>
"""),
    "mel_bewerbung": ("bewerbungstraining", "Bewerbungstraining: Lebenslauf und Vorstellungsgespräch", """
<p>Wie schreibe ich einen Lebenslauf für Deutschland? Was passiert in einem Vorstellungsgespräch?</p>
<p>In diesem Training lernen Sie, wie eine Bewerbung in Deutschland aussieht, und üben ein Vorstellungsgespräch. Bringen Sie, wenn vorhanden, Ihre Zeugnisse und Ihren Lebenslauf mit, gern auch auf einem USB-Stick.</p>
<p>Die Teilnahme ist kostenlos. Bitte melden Sie sich bei der Migrationsberatung Melle an. Es gibt 15 Plätze.</p>
"""),
    "qbr_elternabend": ("elternabend-schule", "Elternabend: Schule in Deutschland", """
<p>Ihr Kind geht in Quakenbrück zur Schule oder kommt bald in die Schule? An diesem Abend erklären Lehrkräfte, wie die Schule in Niedersachsen funktioniert.</p>
<ul>
<li>Schulpflicht, Zeugnisse und Elternsprechtage</li>
<li>Welche Schule kommt nach der Grundschule?</li>
<li>Sprachlernklassen und Hausaufgabenhilfe</li>
<li>Was tun, wenn mein Kind krank ist?</li>
</ul>
<p>Dolmetscherinnen und Dolmetscher für Arabisch, Kurdisch, Russisch und Bulgarisch sind da. Sie brauchen keine Anmeldung.</p>
"""),
    "qbr_hausaufgaben": ("hausaufgabenhilfe", "Hausaufgabenhilfe für Schulkinder", """
<p>Montags und donnerstags helfen Ehrenamtliche Schulkindern bei den Hausaufgaben. Das Angebot ist für Kinder von der 1. bis zur 7. Klasse.</p>
<p>Die Kinder kommen nach der Schule in die Stadtbibliothek. Die Hilfe ist kostenlos. In den Schulferien findet sie nicht statt. Bitte melden Sie Ihr Kind einmal in der Bibliothek an.</p>
"""),
    "qbr_kita_info": ("infoabend-kita", "Infoabend: Kita-Anmeldung", """
<p>Sie möchten Ihr Kind ab August in einer Kita anmelden? An diesem Abend erfahren Sie, wie die Anmeldung funktioniert.</p>
<p>Wir erklären den Unterschied zwischen Krippe, Kindergarten und Kindertagespflege, die Kosten und die Fristen. Wir helfen beim Ausfüllen der Anmeldung. Bringen Sie bitte die Geburtsurkunde oder den Pass Ihres Kindes mit.</p>
"""),
}

PLACES = {
    "migrationszentrum": ("migrationszentrum", "Migrationszentrum Landkreis Osnabrück", """
<p>Das Migrationszentrum ist die erste Anlaufstelle für Neuzugewanderte im Landkreis Osnabrück. Wir beraten kostenlos zu Aufenthalt, Sprache, Arbeit, Familie und Wohnung.</p>
<p>Offene Sprechstunde ohne Termin: Dienstag und Donnerstag von 9 bis 12 Uhr. Zu den anderen Zeiten kommen Sie bitte mit Termin. Wir organisieren für Sie Dolmetscherinnen und Dolmetscher.</p>
"""),
    "auslaenderbehoerde": ("auslaenderbehoerde", "Ausländerbehörde Landkreis Osnabrück", """
<p>Die Ausländerbehörde ist zuständig für Aufenthaltstitel, Verlängerungen, Reiseausweise und die Erlaubnis zur Arbeit.</p>
<p>Sie kommen nur mit Termin. Bitte bringen Sie alle Unterlagen mit, die in Ihrer Einladung stehen.</p>
"""),
    "iq": ("iq-anerkennungsberatung", "IQ Anerkennungsberatung", """
<p>Die IQ Anerkennungsberatung hilft Ihnen, Ihren ausländischen Berufs- oder Studienabschluss in Deutschland anerkennen zu lassen. Die Beratung ist kostenlos.</p>
<p>Wir prüfen mit Ihnen, welche Stelle zuständig ist, welche Unterlagen Sie brauchen und wer die Kosten übernehmen kann. Beratung mit Termin, auch per Telefon oder Video.</p>
"""),
    "jmd": ("jugendmigrationsdienst", "Jugendmigrationsdienst Nordkreis", """
<p>Der Jugendmigrationsdienst berät junge Menschen von 12 bis 27 Jahren zu Schule, Ausbildung, Beruf und Alltag. Die Beratung ist kostenlos und vertraulich.</p>
<p>Offene Sprechstunde am Mittwoch von 14 bis 17 Uhr. Einen Termin können Sie auch per Telefon oder E-Mail vereinbaren.</p>
"""),
    "bsm_rathaus": ("rathaus", "Rathaus und Bürgerbüro Bramsche", """
<p>Im Bürgerbüro melden Sie Ihre Wohnung an, beantragen Ausweise und Dokumente und bekommen Auskünfte. Bitte buchen Sie möglichst vorher einen Termin.</p>
<p>Die Sprechstunde der Integrationslotsen ist jeden ersten Dienstag im Monat von 10 bis 12 Uhr im Erdgeschoss.</p>
"""),
    "bsm_familienzentrum": ("familienzentrum", "Familienzentrum Bramsche", """
<p>Das Familienzentrum ist ein offener Treffpunkt für Familien. Hier finden das Sprachcafé, Eltern-Kind-Gruppen und Beratungsangebote statt.</p>
<p>Sprachcafé: jeden Mittwoch von 16 bis 18 Uhr. Es gibt eine Spielecke für Kinder.</p>
"""),
    "bsm_tafel": ("tafel", "Bramscher Tafel", """
<p>Die Tafel gibt Lebensmittel an Menschen mit wenig Geld aus. Sie zahlen dafür einen kleinen Betrag.</p>
<p>Beim ersten Besuch bringen Sie bitte Ihren Ausweis und einen Nachweis über Ihr Einkommen mit, zum Beispiel den Bescheid vom Jobcenter oder vom Sozialamt. Bringen Sie eine Tasche mit.</p>
"""),
    "bsm_beratung": ("migrationsberatung", "Migrationsberatung Bramsche", """
<p>Die Migrationsberatung hilft Erwachsenen bei Fragen zu Aufenthalt, Sprachkursen, Arbeit, Wohnung und Briefen von Behörden. Die Beratung ist kostenlos und vertraulich.</p>
<p>Offene Sprechstunde am Montag von 9 bis 12 Uhr, sonst mit Termin.</p>
"""),
    "mel_buergerbuero": ("buergerbuero", "Bürgerbüro Melle", """
<p>Im Bürgerbüro im Rathaus Melle melden Sie Ihre Wohnung an, beantragen Dokumente und bekommen Auskünfte. Für viele Anliegen brauchen Sie einen Termin.</p>
<p>Das Rathaus liegt im Zentrum von Melle-Mitte am Markt.</p>
"""),
    "mel_stadtteilzentrum": ("stadtteilzentrum", "Stadtteilzentrum Melle-Mitte", """
<p>Im Stadtteilzentrum treffen sich Nachbarinnen und Nachbarn aus vielen Ländern. Hier finden das Sprachcafé und das Internationale Frauenfrühstück statt.</p>
<p>Die Räume sind barrierefrei. Während der Öffnungszeiten können Sie einfach vorbeikommen und Fragen stellen.</p>
"""),
    "mel_tafel": ("tafel", "Meller Tafel", """
<p>Die Tafel gibt Lebensmittel an Menschen mit wenig Geld aus. Zum Einkaufen brauchen Sie einen Tafel-Ausweis.</p>
<p>Den Ausweis bekommen Sie mit einem Nachweis über Ihr Einkommen, zum Beispiel dem Bescheid vom Jobcenter oder vom Sozialamt. Die Ausgabe ist dienstags und freitags.</p>
"""),
    "mel_beratung": ("migrationsberatung", "Migrationsberatung Melle", """
<p>Die Migrationsberatung hilft bei Anträgen, Briefen von Behörden, der Wohnungssuche und Fragen zum Aufenthalt. Hier melden Sie sich auch für das Bewerbungstraining an.</p>
<p>Offene Sprechstunde am Dienstag von 9 bis 12 Uhr, sonst mit Termin.</p>
"""),
    "qbr_rathaus": ("rathaus", "Rathaus Quakenbrück", """
<p>Im Rathaus am Markt finden Sie das Bürgerbüro der Stadt Quakenbrück und der Samtgemeinde Artland. Hier melden Sie Ihre Wohnung an und beantragen Dokumente.</p>
<p>Informationen zur Kita-Anmeldung bekommen Sie ebenfalls im Rathaus. Veranstaltungen wie Elternabende finden im Ratssaal statt.</p>
"""),
    "qbr_bibliothek": ("stadtbibliothek", "Stadtbibliothek Quakenbrück", """
<p>In der Stadtbibliothek können Sie Bücher, Zeitschriften und Filme ausleihen. Es gibt Bücher zum Deutschlernen und Bilderbücher für Kinder.</p>
<p>Sie können hier kostenlos das WLAN nutzen und in Ruhe lernen. Montags und donnerstags gibt es Hausaufgabenhilfe für Schulkinder.</p>
"""),
    "qbr_tafel": ("tafel", "Tafel Quakenbrück", """
<p>Die Tafel gibt Lebensmittel an Menschen mit wenig Geld aus. Sie zahlen dafür einen kleinen Betrag.</p>
<p>Die Ausgabe ist dienstags und freitags. Beim ersten Besuch bringen Sie bitte Ihren Ausweis und einen Nachweis über Ihr Einkommen mit.</p>
"""),
    "qbr_fluechtlingssozialarbeit": ("fluechtlingssozialarbeit", "Flüchtlingssozialarbeit Quakenbrück", """
<p>Die Flüchtlingssozialarbeit berät Geflüchtete zum Asylverfahren, zu Briefen von Behörden, zum Wohnen und zum Alltag. Die Beratung ist kostenlos und vertraulich.</p>
<p>Sprechstunde am Montag und Mittwoch. Wenn Sie einen Bescheid vom BAMF bekommen, kommen Sie bitte sofort, denn es gibt kurze Fristen.</p>
"""),
}
