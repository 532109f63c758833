# English. Plain language, same structure as de.py.

CATEGORIES = {
    1: "Counselling",
    2: "Public office",
    3: "Education",
    4: "Leisure and meeting people",
    5: "Everyday help",
}

CONTACTS = {
    "mz": ("First counselling team", "First counselling and situation analysis"),
    "abh": ("Immigration office service line", "Appointments and general questions"),
    "iq": ("IQ recognition counselling", "Recognition of foreign vocational and academic qualifications"),
}

PAGES = {
    "ankommen": ("arriving", "Arriving in the district of Osnabrück", """
<p>Welcome to the district of Osnabrück (Landkreis Osnabrück)! Here you find the first steps after your arrival.</p>
<p>At the beginning there are many appointments and forms. That is normal. Go step by step:</p>
<ul>
<li><strong>Register your home</strong> at the citizens' office (Bürgerbüro) of your town or municipality.</li>
<li><strong>Sort out your residence status</strong> at the immigration office (Ausländerbehörde).</li>
<li><strong>Get advice</strong> at the Migration Centre. Counselling is free of charge.</li>
</ul>
<p>You do not understand a letter? Bring it to the counselling. We will help you.</p>
"""),
    "anmeldung": ("registration", "Registering at the citizens' office", """
<p>When you move into a flat or house, you must register within two weeks. You do this at the citizens' office (Bürgerbüro) of your town or municipality.</p>
<h2>What do you need?</h2>
<ul>
<li>your passport or ID card, and the passports of everybody who moves in with you</li>
<li>the landlord's confirmation (Wohnungsgeberbestätigung): you get this form from your landlord.</li>
<li>if you have them: your marriage certificate and your children's birth certificates</li>
</ul>
<h2>What do you get?</h2>
<p>You get a <strong>registration certificate</strong> (Meldebescheinigung). Keep it in a safe place. You need it, for example, for the bank, the health insurance and the immigration office.</p>
<p>After your first registration in Germany, the Federal Central Tax Office sends your <strong>tax identification number</strong> by post. You need this number when you work.</p>
<h2>Good to know</h2>
<ul>
<li>Many citizens' offices work with appointments. It is best to book an appointment online or by phone first.</li>
<li>When you move, register again at your new address.</li>
<li>Put your name on your letterbox. Otherwise you will not receive any post.</li>
</ul>
"""),
    "auslaenderbehoerde": ("immigration-office", "Immigration office: residence permits and appointments", """
<p>The immigration office (Ausländerbehörde) is responsible for your stay in Germany. For example, it issues and extends residence permits.</p>
<p>The immigration office of the district of Osnabrück is responsible for all towns and municipalities in the district. You find it in the district building (Kreishaus), Am Schölerberg 1, 49082 Osnabrück.</p>
<h2>Appointments</h2>
<p>The immigration office only works with appointments. Please book an appointment before you come. If you cannot come to an appointment, please cancel it.</p>
<h2>Extending your residence permit</h2>
<p>Check the expiry date of your residence permit regularly. Apply for an extension <strong>in good time before it expires</strong>, ideally 6 to 8 weeks before. If you apply in time, you usually get a <strong>certificate of provisional residence</strong> (Fiktionsbescheinigung) until the decision. It shows that your stay is still allowed.</p>
<h2>What should you bring?</h2>
<ul>
<li>passport and current residence permit</li>
<li>a recent biometric passport photo</li>
<li>registration certificate and rental contract</li>
<li>proof of your income, for example payslips or the decision letter from the job centre</li>
<li>proof of your health insurance</li>
</ul>
<p>Your invitation letter tells you exactly which documents you need. If you are unsure, ask.</p>
"""),
    "migrationszentrum": ("migration-centre", "Migration Centre: counselling and situation analysis", """
<p>The Migration Centre of the district of Osnabrück is your first point of contact. We advise you free of charge and confidentially.</p>
<p>We speak German and English. For other languages we arrange interpreters.</p>
<h2>Situation analysis: where do you stand?</h2>
<p>At the first appointment we take time to talk about your situation: residence, language, school and work, family, health and housing. Together we look at what you can already do and what you need.</p>
<p>Then we make a plan together with the next steps, for example an integration course, recognition of your qualification or a childcare place. At later appointments we look at what has worked and what is still missing.</p>
<h2>How to get an appointment</h2>
<ul>
<li>Phone: 0541 501-3100</li>
<li>E-mail: migrationszentrum@ankommen.example</li>
<li>Drop-in hours without appointment: Tuesday and Thursday from 9 am to 12 noon</li>
</ul>
<p>Address: Migrationszentrum Landkreis Osnabrück, Am Schölerberg 1, 49082 Osnabrück.</p>
"""),
    "deutsch": ("learning-german", "Learning German", """
<p>German helps you in everyday life, at work and with your neighbours. There are many courses. Here you find the right course for you.</p>
<ul>
<li><strong>Integration course</strong>: the most important course for adults, from the beginning up to level B1.</li>
<li><strong>Literacy course</strong>: for people who cannot read and write well or who do not yet know the Latin alphabet.</li>
<li><strong>Job-related language courses</strong>: German for work, usually after the integration course.</li>
</ul>
<p>You can also practise in language cafés. There you talk with volunteers. Taking part is free.</p>
<p>You can find courses near you with BAMF-NAVI: <a href="https://bamf-navi.bamf.de">bamf-navi.bamf.de</a>.</p>
"""),
    "integrationskurs": ("integration-course", "Integration course: how it works", """
<p>In the integration course you learn German and a lot about life in Germany. The Federal Office for Migration and Refugees (BAMF) organises and pays for the courses. Locally, course providers such as adult education centres (Volkshochschule) and language schools teach them.</p>
<h2>Structure</h2>
<ul>
<li><strong>Language course</strong>: 600 teaching units. You learn German for everyday life, for example at the doctor's, when shopping or at public offices.</li>
<li><strong>Orientation course</strong>: 100 teaching units. You learn about history, politics, rights and values in Germany.</li>
</ul>
<p>One teaching unit lasts 45 minutes. There are full-time and part-time courses. At the end you take two tests: the "German Test for Immigrants" (Deutsch-Test für Zuwanderer, level A2 to B1) and the test "Life in Germany" (Leben in Deutschland).</p>
<h2>How do you get into a course?</h2>
<ul>
<li>You have received a <strong>certificate of eligibility</strong> (Berechtigungsschein) or an <strong>obligation</strong> to attend from the immigration office or the job centre. Take it to a course provider.</li>
<li>You do not have one? Then you can send an <strong>application for admission</strong> to the BAMF. The Migration Centre helps you with the application.</li>
<li>At the course provider you take a free <strong>placement test</strong>. It shows at which level you start.</li>
</ul>
<h2>Costs</h2>
<p>You pay a contribution for each teaching unit. The state pays the rest. If you receive <strong>citizen's income (Bürgergeld) or social assistance</strong>, you can be exempted from the costs. Apply to the BAMF before the course starts. If you are exempted from the costs, you may under certain conditions also get a subsidy for travel costs.</p>
<h2>Courses for parents</h2>
<p>Do you have small children? There are <strong>integration courses for parents and for women</strong>. They often take place in the morning, when children are at daycare or school. Some course providers offer childcare during the course. Ask about it when you register. Also register your child early for a daycare place.</p>
"""),
    "alphabetisierung": ("literacy-course", "Literacy course", """
<p>You cannot read and write well yet? Or you only know a different script, for example the Arabic script? Then an integration course with literacy training is the right course for you.</p>
<p>In this course you learn slowly and step by step: first the letters, then words and sentences. The course has more teaching units than the general integration course, and the groups are smaller.</p>
<p>There is no need to feel ashamed. Many adults learn to read and write in Germany. You are not alone.</p>
<h2>How to register</h2>
<p>You get into the course the same way as into the integration course: with a certificate of eligibility, an obligation or an application to the BAMF. The placement test shows the course provider whether a literacy course is right for you. The same rules on costs apply as for the integration course.</p>
"""),
    "berufssprachkurse": ("job-related-german", "Job-related language courses: German for work", """
<p>Job-related language courses help you learn German for work. For example, you practise writing e-mails, talking on the phone and the technical words of your profession.</p>
<ul>
<li>There are courses for levels B1, B2 and C1.</li>
<li>There are special courses, for example for health professions or for crafts and technology.</li>
<li>Courses are offered full-time and part-time. Many people take the course while working.</li>
</ul>
<p>Usually you have finished an integration course before or already speak some German.</p>
<h2>Registration and costs</h2>
<p>If you are registered with the job centre or the employment agency, talk to your adviser there. You then get an eligibility confirmation, and the course is free for you.</p>
<p>If you work, you can register directly with the BAMF. Whether you pay a share of the costs depends on your income.</p>
"""),
    "arbeit": ("work", "Work and recognition", """
<p>You want to work or start vocational training? Here you find first information.</p>
<p>Important: first look at your residence permit or your permission to stay (Aufenthaltsgestattung). It says whether you are allowed to work. If it says that you need the permission of the immigration office, ask there before you start a job.</p>
<ul>
<li>You have learned a trade or studied abroad? Have your qualification recognised.</li>
<li>You are looking for work? The job centre or the employment agency will help you.</li>
</ul>
<p>Only work with an employment contract and proper registration. Only then are you insured and have rights as an employee. Germany has a statutory minimum wage.</p>
"""),
    "anerkennung": ("recognition", "Recognition of foreign qualifications", """
<p>Did you complete vocational training or a degree abroad? Then you can have your qualification checked in Germany. This is called recognition (Anerkennung).</p>
<h2>Do you need recognition?</h2>
<ul>
<li>For some professions recognition is <strong>mandatory</strong>. These are regulated professions, for example doctor, nurse, teacher or early-childhood educator.</li>
<li>For other professions recognition is <strong>not mandatory</strong>. But it helps when you apply for jobs, because employers understand your qualification better.</li>
<li>For a university degree that does not lead to a regulated profession you can apply for a <strong>statement of comparability</strong> (Zeugnisbewertung) from the Central Office for Foreign Education (ZAB).</li>
</ul>
<h2>How to proceed</h2>
<ul>
<li>Use the Recognition Finder to find out which office is responsible for your profession: <a href="https://www.anerkennung-in-deutschland.de">anerkennung-in-deutschland.de</a>.</li>
<li>Get free advice. The <strong>IQ Network</strong> offers recognition counselling, also with appointments at the Migration Centre: <a href="https://www.netzwerk-iq.de">netzwerk-iq.de</a>.</li>
<li>Collect your certificates, diplomas and proof of work experience. In most cases you need certified copies and translations.</li>
</ul>
<p>The procedure costs fees. If you receive citizen's income or are registered as unemployed, ask the job centre or the employment agency whether they will pay the costs.</p>
<p>The hotline "Working and Living in Germany" also answers questions in German and English: 030 1815-1111.</p>
"""),
    "jobcenter": ("job-centre-employment-agency", "Job centre and employment agency", """
<p>Two offices help you look for work: the job centre (Jobcenter) and the employment agency (Agentur für Arbeit). Which one is responsible for you depends on your situation.</p>
<h2>Job centre</h2>
<p>The job centre is responsible if you receive <strong>citizen's income (Bürgergeld)</strong>. In the district of Osnabrück the job centre is called <strong>MaßArbeit</strong>. The job centre pays money for living and for your home. It also helps you find work, training and language courses.</p>
<h2>Employment agency</h2>
<p>The employment agency is responsible if you do not receive citizen's income, for example if you have already worked in Germany and receive unemployment benefit. The careers guidance of the employment agency helps everyone with questions about training and jobs.</p>
<h2>Important rules</h2>
<ul>
<li>Your employment contract is ending? Register as a jobseeker with the employment agency at least 3 months before. If you find out later, register within 3 days.</li>
<li>Go to every appointment. If you are ill, send a sick note.</li>
<li>Open letters from the job centre immediately. There is often a deadline.</li>
</ul>
<p>More information: <a href="https://www.arbeitsagentur.de">arbeitsagentur.de</a></p>
"""),
    "gesundheit": ("health", "Health", """
<p>Here you learn how to see a doctor in Germany and what to do in an emergency.</p>
<ul>
<li><strong>Health insurance and seeing a doctor</strong>: Who pays? How do I find a doctor?</li>
<li><strong>Emergency</strong>: Which number do I call?</li>
</ul>
<p>If a life is in danger, call <strong>112</strong> immediately. The call is free.</p>
"""),
    "krankenversicherung": ("health-insurance", "Health insurance and seeing a doctor", """
<p>In Germany everybody must have health insurance. The health insurance pays for doctor's visits, hospital and many medicines.</p>
<h2>How are you insured?</h2>
<ul>
<li>If you work, your employer registers you with a health insurance fund (Krankenkasse). You can choose the fund yourself.</li>
<li>If you receive citizen's income, you are usually insured through the job centre.</li>
<li>If you receive benefits under the Asylum Seekers' Benefits Act, ask the social welfare office how you can see a doctor.</li>
</ul>
<p>Your health insurance fund gives you a <strong>health insurance card</strong> (Gesundheitskarte). Take it with you to every doctor's visit.</p>
<h2>Seeing a doctor</h2>
<ul>
<li>Find a <strong>family doctor</strong> (Hausärztin or Hausarzt). This is where you go first when you are ill.</li>
<li>Call first and make an appointment.</li>
<li>For children there are paediatricians. Take your child to the check-ups (U-Untersuchungen).</li>
</ul>
<p>You do not speak German well yet? When you make the appointment, ask if someone speaks your language. You can also bring a person who translates for you.</p>
<p>For help finding an appointment, call 116117 or visit <a href="https://www.116117.de">116117.de</a>.</p>
"""),
    "notfall": ("emergency", "Emergency: important phone numbers", """
<p>In an emergency every minute counts. You can call these numbers free of charge.</p>
<ul>
<li><strong>112</strong>: fire brigade and ambulance. Call in case of fire, a serious accident or when a person's life is in danger.</li>
<li><strong>110</strong>: police. Call if you are threatened or see a crime.</li>
<li><strong>116117</strong>: out-of-hours medical service. Call if you are ill at night, at the weekend or on a public holiday and cannot wait until the next working day.</li>
<li><strong>0551 19240</strong>: Poison Information Centre North, if someone has eaten or drunk something poisonous.</li>
</ul>
<h2>How to speak on the phone</h2>
<p>Say calmly: Where did it happen? What happened? How many people are injured? Then wait for questions. Do not hang up yourself.</p>
<h2>Help in difficult situations</h2>
<ul>
<li>Helpline "Violence against Women": <strong>116 016</strong>, day and night, in many languages.</li>
<li>TelefonSeelsorge (crisis line): <strong>0800 111 0 111</strong>, day and night, anonymous.</li>
</ul>
"""),
    "kinder": ("children-school", "Children and school", """
<p>At daycare and school children learn German and make friends. Here you learn how to find a daycare place and how to register your child at school.</p>
<ul>
<li><strong>Daycare (Kita)</strong>: for children from 1 year until they start school.</li>
<li><strong>School</strong>: in Germany all children must go to school.</li>
</ul>
<p>You have questions about bringing up children or need help in your family? The youth welfare office (Jugendamt) and the family centres advise you free of charge.</p>
"""),
    "kita": ("daycare", "Finding a daycare place", """
<p>In Germany every child from the age of 1 has a right to a place in a daycare centre (Kita) or with a childminder. Children under 3 go to a crèche (Krippe), older children to a kindergarten.</p>
<h2>Registration</h2>
<ul>
<li>Register your child as early as possible. Many daycare centres take new children mainly from 1 August. Registration is often already in the winter before.</li>
<li>You register through your town or municipality. Ask at the town hall how it works where you live.</li>
<li>For daycare you need proof of your child's measles vaccination.</li>
</ul>
<h2>Costs</h2>
<p>In Lower Saxony kindergarten is free for children from 3 years until they start school, for up to 8 hours a day. For children under 3 there may be fees. If you have little money, you can apply for help. Lunch often costs extra. It can be paid through the education package (Bildung und Teilhabe).</p>
<p>You cannot find a place? The Migration Centre and the youth welfare office will help you.</p>
"""),
    "schule": ("school", "Registering your child at school", """
<p>In Germany school is compulsory. All children and young people must go to school, even if they are new in Germany. Public schools do not charge school fees.</p>
<h2>Primary school</h2>
<p>Children start primary school (Grundschule) at about 6 years. In Lower Saxony primary school lasts 4 years. You register your child at the primary school in your area. Your town or municipality tells you which school is responsible.</p>
<h2>From year 5</h2>
<p>After that there are different types of school, for example Oberschule, Realschule, comprehensive school (Gesamtschule) and Gymnasium. The school advises you which type suits your child.</p>
<h2>New in Germany</h2>
<p>Many schools have <strong>language learning classes</strong> (Sprachlernklassen) or extra German lessons. There children first learn German and then move step by step into a regular class. Young people from about 16 can learn German and get a school-leaving certificate at a vocational school (Berufsbildende Schule, BBS).</p>
<p>For registration bring: your child's passport or ID, the registration certificate, school reports from your home country if you have them, and proof of measles vaccination.</p>
"""),
    "beratung": ("counselling", "Counselling", """
<p>You have questions or problems? In the district of Osnabrück there are many free counselling services. Counselling is confidential: the counsellors do not pass anything on.</p>
<ul>
<li><strong>Migration counselling for adults (MBE)</strong>: for people aged 27 and over.</li>
<li><strong>Youth migration service (JMD)</strong>: for young people from 12 to 27.</li>
<li><strong>Refugee counselling</strong>: for refugees and asylum seekers.</li>
</ul>
<p>You do not know where to go? Ask at the Migration Centre. We will show you the right place.</p>
"""),
    "mbe": ("migration-counselling", "Migration counselling for adults (MBE)", """
<p>Migration counselling for adult immigrants (MBE) is for people aged 27 and over. It helps especially in your first years in Germany. Counselling is free of charge.</p>
<h2>What the MBE helps with</h2>
<ul>
<li>German courses and the integration course</li>
<li>work, recognition and training</li>
<li>housing, letters from public offices and applications</li>
<li>family, health and money</li>
</ul>
<p>The MBE is offered by welfare organisations, for example Caritas, Diakonie, AWO or the German Red Cross (DRK). The Migration Centre tells you where to find counselling hours in the district.</p>
<p>You can also get advice online in many languages: <a href="https://www.mbeon.de">mbeon.de</a>.</p>
"""),
    "jmd": ("youth-migration-service", "Youth migration service (JMD)", """
<p>The youth migration service (Jugendmigrationsdienst, JMD) advises young people with a migration background aged 12 to 27. Counselling is free and voluntary.</p>
<h2>What the JMD helps with</h2>
<ul>
<li>school, school-leaving certificates and German courses</li>
<li>vocational training, university and work</li>
<li>problems in the family or with public offices</li>
<li>leisure, sports and new contacts</li>
</ul>
<p>If you wish, the counsellors support you over a longer period. You can also bring your parents.</p>
<p>More information: <a href="https://www.jugendmigrationsdienste.de">jugendmigrationsdienste.de</a></p>
"""),
    "fluechtlingsberatung": ("refugee-counselling", "Refugee counselling", """
<p>Did you come to Germany as a refugee? Refugee counselling helps you with questions about the asylum procedure, accommodation and everyday life.</p>
<h2>What refugee counselling helps with</h2>
<ul>
<li>how the asylum procedure works and preparing for your interview at the BAMF</li>
<li>understanding letters from the BAMF, the immigration office or the social welfare office</li>
<li>family reunification, moving house and work</li>
</ul>
<p><strong>Watch the deadlines:</strong> you can only take legal action against a BAMF decision within a short period. Go to counselling immediately when you receive a decision.</p>
<p>Counselling is free and confidential. The Refugee Council of Lower Saxony (Flüchtlingsrat Niedersachsen) also has information on legal questions: <a href="https://www.nds-fluerat.org">nds-fluerat.org</a>.</p>
"""),
    # --- Bramsche -------------------------------------------------------------
    "bsm_willkommen": ("welcome", "Welcome to Bramsche", """
<p>We are glad you are in Bramsche! Bramsche is a town of about 31,000 inhabitants in the north of the district of Osnabrück.</p>
<h2>Town hall and citizens' office</h2>
<p>At the citizens' office you register your home, apply for documents and get information.</p>
<p><strong>Bürgerbüro Bramsche</strong>, Hasestraße 11, 49565 Bramsche</p>
<ul>
<li>Monday, Tuesday, Wednesday and Friday: 8 am to 12 noon</li>
<li>Thursday: 8 am to 12 noon and 2 pm to 6 pm</li>
<li>Phone: 05461 83-0</li>
</ul>
<p>Please book an appointment beforehand if possible.</p>
<p>In the district of Hesepe there is a site of the State Reception Authority of Lower Saxony (Landesaufnahmebehörde). Many refugees live there during their first weeks.</p>
<p>Information for the whole district, for example on integration courses, work and health, can be found on the pages of the <a href="{page:ankommen}">district of Osnabrück</a>.</p>
"""),
    "bsm_ehrenamt": ("volunteering-language-cafe", "Volunteering and language café", """
<p>In Bramsche many people volunteer to support newcomers. They help with learning German, with letters and in everyday life.</p>
<h2>Language café</h2>
<p>Every Wednesday from 4 pm to 6 pm people from many countries meet at the Bramsche family centre (Familienzentrum). They speak German, drink tea and get to know each other. You do not need to register, and it costs nothing. Children are welcome.</p>
<h2>Integration guides</h2>
<p>Integration guides (Integrationslotsen) are trained volunteers. For example, they go with you to appointments at public offices or show you the town. Every first Tuesday of the month they hold office hours at the town hall from 10 am to 12 noon.</p>
<h2>Get involved</h2>
<p>Would you like to help, for example as an interpreter for your language? Talk to us at the language café. Volunteering is also a good way to practise German.</p>
"""),
    "bsm_kita": ("daycare-school", "Daycare and school in Bramsche", """
<p>Bramsche has many daycare centres, primary schools and secondary schools. Here you find out where to register your child.</p>
<ul>
<li><strong>Daycare</strong>: registration is done through the town of Bramsche. You get the form at the town hall. Register your child by the end of January if possible. Then the chance of a place from August is best.</li>
<li><strong>Primary school</strong>: your child goes to the primary school in your area. The citizens' office tells you which school that is.</li>
<li><strong>Secondary schools</strong>: in and around Bramsche there are different types of school. The primary school advises you in year 4.</li>
</ul>
<p>Homework help and learning mentors are available at the family centre. Ask there.</p>
<p>General information on daycare and school can be found on the pages of the <a href="{page:kinder}">district of Osnabrück</a>.</p>
"""),
    # --- Melle ----------------------------------------------------------------
    "mel_willkommen": ("welcome", "Welcome to Melle", """
<p>A warm welcome to Melle! With about 47,000 inhabitants, Melle is the largest town in the district of Osnabrück. The town has several districts, for example Melle-Mitte, Buer, Gesmold and Neuenkirchen.</p>
<h2>Citizens' office</h2>
<p><strong>Bürgerbüro Melle</strong>, Markt 22, 49324 Melle</p>
<ul>
<li>Monday to Friday: 8 am to 12:30 pm</li>
<li>Tuesday also: 2 pm to 4 pm</li>
<li>Thursday also: 2 pm to 6 pm</li>
<li>Phone: 05422 965-0</li>
</ul>
<p>For many matters you need an appointment. You can book it online or by phone.</p>
<h2>Getting around Melle</h2>
<p>Buses connect the districts with Melle-Mitte. By train you get from Melle station to Osnabrück in about 20 minutes.</p>
<p>Information for the whole district can be found on the pages of the <a href="{page:ankommen}">district of Osnabrück</a>.</p>
"""),
    "mel_begegnung": ("meeting-people", "Practise German and meet people", """
<p>Speaking helps you learn. In Melle there are several offers where you can practise German and meet new people.</p>
<ul>
<li><strong>Language café</strong>: every Friday from 3 pm to 5 pm at the Melle-Mitte community centre. No registration, free of charge.</li>
<li><strong>International women's breakfast</strong>: every second Saturday of the month from 10 am to 12 noon. Women from all countries have breakfast together. Small children can come along.</li>
<li><strong>Job application training</strong>: volunteers help you with your CV and practise job interviews with you.</li>
</ul>
<p>You find the next dates under events.</p>
"""),
    "mel_alltag": ("support", "Support in everyday life", """
<p>Sometimes the money is not enough, or you need help with letters and applications. In Melle you can get support.</p>
<h2>Food bank (Tafel)</h2>
<p>At the food bank people with little money get food for a small amount. You need proof, for example the decision letter from the job centre or the social welfare office. Then you get a Tafel card.</p>
<h2>Migration counselling</h2>
<p>Migration counselling in Melle helps with applications, letters from public offices, looking for a flat and questions about your residence. The drop-in hours are on Tuesday from 9 am to 12 noon.</p>
<h2>Clothes and furniture</h2>
<p>You can get second-hand clothes and furniture cheaply in clothing stores and social department stores. Ask at the counselling service for addresses.</p>
"""),
    # --- Quakenbrück ----------------------------------------------------------
    "qbr_willkommen": ("welcome", "Welcome to Quakenbrück", """
<p>Welcome to Quakenbrück! The town lies in the north of the district of Osnabrück and has about 14,000 inhabitants. People from many countries live here.</p>
<h2>Town hall and citizens' office</h2>
<p>The town hall is also home to the administration of the joint municipality (Samtgemeinde) Artland. So the citizens' office is also responsible for Badbergen, Menslage and Nortrup.</p>
<p><strong>Bürgerbüro Quakenbrück</strong>, Markt 1, 49610 Quakenbrück</p>
<ul>
<li>Monday to Friday: 8:30 am to 12 noon</li>
<li>Thursday also: 2 pm to 5:30 pm</li>
<li>Phone: 05431 182-0</li>
</ul>
<p>Information for the whole district can be found on the pages of the <a href="{page:ankommen}">district of Osnabrück</a>.</p>
"""),
    "qbr_kita": ("daycare-school", "Daycare and school in Quakenbrück", """
<p>Children learn German quickly when they play and learn with other children. So register your child early for daycare and school.</p>
<ul>
<li><strong>Daycare</strong>: you get information on registration at the town hall. In January there is an information evening on daycare registration.</li>
<li><strong>School</strong>: your child goes to the primary school in your area. The town hall tells you which school is responsible. Older children attend a secondary school in Quakenbrück or nearby.</li>
<li><strong>Homework help</strong>: Mondays and Thursdays from 3 pm to 4:30 pm at the town library, not during school holidays.</li>
</ul>
<p>In February there is a parents' evening "School in Germany". Teachers explain how school works and answer your questions. Interpreters will be there.</p>
"""),
    "qbr_begegnung": ("help-meeting-people", "Help and meeting people", """
<p>In Quakenbrück you find counselling, help in everyday life and places to meet people.</p>
<ul>
<li><strong>Refugee social work</strong>: advice on the asylum procedure, letters and everyday life. Office hours on Monday and Wednesday.</li>
<li><strong>Tafel Quakenbrück</strong>: food for people with little money. Open on Tuesdays and Fridays.</li>
<li><strong>Town library</strong>: books for learning German, picture books for children, free Wi-Fi and quiet places to study.</li>
</ul>
<p>You would like to meet people? Sports clubs, choirs and church communities welcome new members. Ask the counselling service for contacts.</p>
"""),
}

EVENTS = {
    "infoabend_ik": ("information-evening-integration-courses", "Information evening: integration courses in the district", """
<p>You would like to take an integration course and have questions? This evening we explain how the course works, how to register and what it costs.</p>
<ul>
<li>structure: language course and orientation course</li>
<li>certificate of eligibility, application to the BAMF and placement test</li>
<li>exemption from costs and travel costs</li>
<li>courses with childcare</li>
</ul>
<p>Course providers from the district present their courses. Interpreters for Arabic, Farsi, Ukrainian and Russian will be there. No registration needed.</p>
"""),
    "online_anerkennung": ("online-consultation-recognition", "Online consultation: recognition of foreign qualifications", """
<p>In this online consultation, advisers from the IQ recognition counselling answer your questions about the recognition of vocational and academic qualifications.</p>
<p>All you need is a smartphone or a computer with internet. At the start time, click on the link to the video conference. You can leave your camera switched off.</p>
<p>The consultation is in German and English. Afterwards you can make a personal appointment, also with an interpreter.</p>
"""),
    "jobmesse": ("job-fair", "Job fair: work and training in the Osnabrück region", """
<p>At the job fair, companies from the district of Osnabrück present themselves. They are looking for employees and trainees, for example in care, crafts, logistics and catering.</p>
<ul>
<li>Talk directly to employers.</li>
<li>Have your CV checked.</li>
<li>Find out about vocational training, recognition and job-related language courses.</li>
</ul>
<p>Bring several printed copies of your CV. Admission is free.</p>
"""),
    "gesundheit_info": ("healthy-in-germany", "Information event: healthy in Germany", """
<p>How does health insurance work? When do I go to my family doctor and when to hospital? Which number do I call at night?</p>
<p>A doctor and an employee of a health insurance fund explain the health system in plain language. Afterwards you can ask questions.</p>
<p>Interpreters for Arabic, Farsi, Turkish and Ukrainian will be there. Taking part is free.</p>
"""),
    "bsm_sprachcafe": ("language-cafe", "Language café Bramsche", """
<p>Every Wednesday people from many countries meet at the Bramsche family centre. We speak German, drink tea and coffee and get to know each other.</p>
<p>Everyone is welcome, no matter how well you speak German. Volunteers also help with homework from your German course. Taking part is free, no registration needed. Children can come along.</p>
"""),
    "bsm_lotsen": ("office-hours-integration-guides", "Office hours of the integration guides", """
<p>Every first Tuesday of the month the integration guides are there for you at Bramsche town hall.</p>
<p>They help with letters and forms, explain how to deal with public offices and, if you wish, go with you to appointments. Among other languages, the guides speak Arabic, Kurdish, Russian and Ukrainian.</p>
<p>The office hours are on the ground floor, room 12. You do not need to register.</p>
"""),
    "bsm_fest": ("festival-of-cultures", "Festival of cultures", """
<p>At the festival of cultures Bramsche celebrates the diversity of the town. Clubs and groups present music, dance and food from many countries.</p>
<p>There is a programme for children, stands of counselling services and a shared meal at the family centre. Would you like to take part with a stand or a performance? Let us know at the language café.</p>
"""),
    "mel_sprachcafe": ("language-cafe", "Language café Melle", """
<p>Every Friday from 3 pm to 5 pm you can practise speaking German at the Melle-Mitte community centre.</p>
<p>Volunteers talk with you about everyday life, answer questions and help with letters. There is tea, coffee and cake. Taking part is free and no registration is needed.</p>
"""),
    "mel_fruehstueck": ("womens-breakfast", "International women's breakfast", """
<p>Every second Saturday of the month women from many countries have breakfast together. You get to know other women and practise German at the same time.</p>
<p>Sometimes there is a topic, for example health, school or work. Small children can come along. If you like, bring something small to eat.</p>
"""),
    "mel_bewerbung": ("job-application-training", "Job application training: CV and job interview", """
<p>How do I write a CV for Germany? What happens in a job interview?</p>
<p>In this training you learn what a job application looks like in Germany and practise a job interview. If you have them, bring your certificates and your CV, also on a USB stick.</p>
<p>Taking part is free. Please register with the migration counselling in Melle. There are 15 places.</p>
"""),
    "qbr_elternabend": ("parents-evening-school", "Parents' evening: school in Germany", """
<p>Does your child go to school in Quakenbrück or will start school soon? This evening teachers explain how school works in Lower Saxony.</p>
<ul>
<li>compulsory schooling, school reports and parent-teacher days</li>
<li>which school comes after primary school?</li>
<li>language learning classes and homework help</li>
<li>what to do when my child is ill?</li>
</ul>
<p>Interpreters for Arabic, Kurdish, Russian and Bulgarian will be there. No registration needed.</p>
"""),
    "qbr_hausaufgaben": ("homework-help", "Homework help for schoolchildren", """
<p>On Mondays and Thursdays volunteers help schoolchildren with their homework. The offer is for children from year 1 to year 7.</p>
<p>The children come to the town library after school. The help is free. It does not take place during school holidays. Please register your child once at the library.</p>
"""),
    "qbr_kita_info": ("information-evening-daycare", "Information evening: daycare registration", """
<p>You would like to register your child for daycare from August? This evening you learn how registration works.</p>
<p>We explain the difference between crèche, kindergarten and childminders, the costs and the deadlines. We help you fill in the registration form. Please bring your child's birth certificate or passport.</p>
"""),
}

PLACES = {
    "migrationszentrum": ("migration-centre", "Migration Centre of the district of Osnabrück", """
<p>The Migration Centre is the first point of contact for newcomers in the district of Osnabrück. We give free advice on residence, language, work, family and housing.</p>
<p>Drop-in hours without appointment: Tuesday and Thursday from 9 am to 12 noon. At other times please come with an appointment. We arrange interpreters for you.</p>
"""),
    "auslaenderbehoerde": ("immigration-office", "Immigration office of the district of Osnabrück", """
<p>The immigration office is responsible for residence permits, extensions, travel documents and permission to work.</p>
<p>Visits by appointment only. Please bring all documents listed in your invitation letter.</p>
"""),
    "iq": ("iq-recognition-counselling", "IQ recognition counselling", """
<p>IQ recognition counselling helps you get your foreign vocational or academic qualification recognised in Germany. Counselling is free of charge.</p>
<p>Together we check which office is responsible, which documents you need and who can pay the costs. Counselling by appointment, also by phone or video.</p>
"""),
    "jmd": ("youth-migration-service", "Youth migration service, northern district", """
<p>The youth migration service advises young people aged 12 to 27 on school, training, work and everyday life. Counselling is free and confidential.</p>
<p>Drop-in hours on Wednesday from 2 pm to 5 pm. You can also make an appointment by phone or e-mail.</p>
"""),
    "bsm_rathaus": ("town-hall", "Bramsche town hall and citizens' office", """
<p>At the citizens' office you register your home, apply for ID cards and documents and get information. Please book an appointment beforehand if possible.</p>
<p>The integration guides hold office hours every first Tuesday of the month from 10 am to 12 noon on the ground floor.</p>
"""),
    "bsm_familienzentrum": ("family-centre", "Bramsche family centre", """
<p>The family centre is an open meeting place for families. The language café, parent-and-child groups and counselling services take place here.</p>
<p>Language café: every Wednesday from 4 pm to 6 pm. There is a play corner for children.</p>
"""),
    "bsm_tafel": ("food-bank", "Bramsche food bank (Tafel)", """
<p>The food bank gives food to people with little money. You pay a small amount for it.</p>
<p>On your first visit please bring your ID and proof of your income, for example the decision letter from the job centre or the social welfare office. Bring a bag.</p>
"""),
    "bsm_beratung": ("migration-counselling", "Migration counselling Bramsche", """
<p>Migration counselling helps adults with questions about residence, language courses, work, housing and letters from public offices. Counselling is free and confidential.</p>
<p>Drop-in hours on Monday from 9 am to 12 noon, otherwise by appointment.</p>
"""),
    "mel_buergerbuero": ("citizens-office", "Melle citizens' office", """
<p>At the citizens' office in Melle town hall you register your home, apply for documents and get information. For many matters you need an appointment.</p>
<p>The town hall is in the centre of Melle-Mitte on the market square.</p>
"""),
    "mel_stadtteilzentrum": ("community-centre", "Melle-Mitte community centre", """
<p>At the community centre neighbours from many countries meet. The language café and the international women's breakfast take place here.</p>
<p>The rooms are step-free. During opening hours you can simply drop in and ask questions.</p>
"""),
    "mel_tafel": ("food-bank", "Melle food bank (Tafel)", """
<p>The food bank gives food to people with little money. To shop there you need a Tafel card.</p>
<p>You get the card with proof of your income, for example the decision letter from the job centre or the social welfare office. Food is given out on Tuesdays and Fridays.</p>
"""),
    "mel_beratung": ("migration-counselling", "Migration counselling Melle", """
<p>Migration counselling helps with applications, letters from public offices, looking for a flat and questions about your residence. You can also register here for the job application training.</p>
<p>Drop-in hours on Tuesday from 9 am to 12 noon, otherwise by appointment.</p>
"""),
    "qbr_rathaus": ("town-hall", "Quakenbrück town hall", """
<p>In the town hall on the market square you find the citizens' office of the town of Quakenbrück and the joint municipality of Artland. Here you register your home and apply for documents.</p>
<p>You can also get information on daycare registration at the town hall. Events such as parents' evenings take place in the council chamber.</p>
"""),
    "qbr_bibliothek": ("town-library", "Quakenbrück town library", """
<p>At the town library you can borrow books, magazines and films. There are books for learning German and picture books for children.</p>
<p>You can use the free Wi-Fi and study in peace. On Mondays and Thursdays there is homework help for schoolchildren.</p>
"""),
    "qbr_tafel": ("food-bank", "Quakenbrück food bank (Tafel)", """
<p>The food bank gives food to people with little money. You pay a small amount for it.</p>
<p>Food is given out on Tuesdays and Fridays. On your first visit please bring your ID and proof of your income.</p>
"""),
    "qbr_fluechtlingssozialarbeit": ("refugee-social-work", "Refugee social work Quakenbrück", """
<p>Refugee social work advises refugees on the asylum procedure, letters from public offices, housing and everyday life. Counselling is free and confidential.</p>
<p>Office hours on Monday and Wednesday. If you receive a decision from the BAMF, please come immediately, because the deadlines are short.</p>
"""),
}
