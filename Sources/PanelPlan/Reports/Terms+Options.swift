/// Swedish of the option and argument help that report assumptions quote
/// (`reportAssumptions`): what an option means, in the reader's language.
/// Part of the one table of terms (`Terms.all`); `TermsTests` checks that
/// every such help text of a command with `--report` is here.
extension Terms {
  static let optionSwedish: [String: String] = [
    "Specialists hired per year, one whole number per projected year from the first (each starts --start-delay years after its year); replaces --hires. Years past the list hire nobody.":
      "Specialister som anställs per år, ett heltal per projicerat år från det första (var och en börjar --start-delay år efter sitt år); ersätter --hires. År efter listan anställs ingen.",
    "Trainees taken in per projected year, comma-separated; replaces --trainees. Years past the list take in nobody.":
      "ST-läkare som tas in per projicerat år, kommaseparerat; ersätter --trainees. År efter listan tas ingen in.",
    "FTE added to each part-time specialist per projected year, comma-separated; replaces --fte-increase.":
      "Tjänstgöringsgrad som läggs till varje deltidsarbetande specialist per projicerat år, kommaseparerat; ersätter --fte-increase.",
    "Task-sharing share added per projected year, comma-separated (the share in year t is --task-sharing plus the first t entries); replaces --task-sharing-increase.":
      "Andel uppgiftsväxling som läggs till per projicerat år, kommaseparerat (andelen år t är --task-sharing plus de t första värdena); ersätter --task-sharing-increase.",
    "A JSON object of this command's projection options by name, e.g. {\"years\": 4, \"hires-by-year\": [120, 80]} (what 'recruit --write-plan' writes); an option may not be given both in the file and here.":
      "Ett JSON-objekt med kommandots projektionsval efter namn, t.ex. {\"years\": 4, \"hires-by-year\": [120, 80]} (det som 'recruit --write-plan' skriver); ett val får inte anges både i filen och här.",
    "With --cost: one amount per lever every year instead of amounts per lever per year.":
      "Med --cost: ett belopp per åtgärd varje år i stället för belopp per åtgärd och år.",
    "With --cost: write the plan as a settings file that 'panelplan project REGION --settings FILE' runs unchanged.":
      "Med --cost: skriv planen som en inställningsfil som 'panelplan project REGION --settings FILE' kör oförändrad.",
    "Care-centre file (Examples/centre.json), or a simulation scenario (Examples/scenario.json), whose workingTime and guideline parameters then apply; or a region or nation file: one row per centre, largest gap first, and the total.":
      "Vårdcentralsfil (Examples/centre.json), eller ett simuleringsscenario (Examples/scenario.json) vars parametrar för arbetstid och riktvärde då gäller; eller en region- eller rikesfil: en rad per vårdcentral, störst gap först, och totalen.",
    "Patients per full-time GP specialist (Socialstyrelsen's guideline, 2022).":
      "Patienter per specialist i allmänmedicin på heltid (Socialstyrelsens riktvärde, 2022).",
    "Patients per full-time trainee past mid-training (Socialstyrelsen's guideline, 2022).":
      "Patienter per ST-läkare på heltid efter halva utbildningen (Socialstyrelsens riktvärde, 2022).",
    "Patients per full-time trainee before mid-training (not published; half the mid-training figure, an illustrative default).":
      "Patienter per ST-läkare på heltid före halva utbildningen (inte publicerat; hälften av värdet efter halva utbildningen, ett illustrativt standardvärde).",
    "Patients per full-time licensed doctor without specialty (not published; the trainee figure, an illustrative default).":
      "Patienter per legitimerad läkare utan specialitet på heltid (inte publicerat; samma som för ST-läkare, ett illustrativt standardvärde).",
    "Patients per full-time locum (locums rarely hold a fixed-doctor list, so none by default).":
      "Patienter per hyrläkare på heltid (hyrläkare har sällan en lista, så inga som standard).",
    "Share of doctor time per patient moved to nurses and other professions; every panel grows by 1/(1-SHARE) (0 to 0.75; Altschuler et al. 2012).":
      "Andel av läkartiden per patient som flyttas till sjuksköterskor och andra yrkesgrupper; varje lista växer med 1/(1-ANDEL) (0 till 0,75; Altschuler m.fl. 2012).",
    "Also show, per doctor, where the working hours go; with --format csv, write those hours instead (doctor, role, fte, item, hours_per_year).":
      "Visa också, per läkare, vart arbetstiden går; med --format csv skrivs i stället de timmarna (doctor, role, fte, item, hours_per_year).",
    "Scenario file (a centre and simulation parameters), or a region or nation file.":
      "Scenariofil (en vårdcentral och simuleringsparametrar), eller en region- eller rikesfil.",
    "Independent runs with their own random streams (1 to 1000).":
      "Oberoende körningar med egna slumptalsströmmar (1 till 1000).",
    "Years measured (1 to 50); overrides the scenario's. Default: the scenario's (1 for the example).":
      "Mätta år (1 till 50); ersätter scenariots. Standard: scenariots (1 för exemplet).",
    "Years simulated first and not counted (0 to 10); overrides the scenario's warmUpYears. Default: the scenario's (1).":
      "År som simuleras först och inte räknas (0 till 10); ersätter scenariots warmUpYears. Standard: scenariots (1).",
    "With a region or nation file: a scenario file whose simulation parameters apply to every centre.":
      "Med en region- eller rikesfil: en scenariofil vars simuleringsparametrar gäller för varje vårdcentral.",
    "Roster CSV (clinician_id,centre,role,fte,birth_year,training_start) for a directory input.":
      "Bemanningsfil i CSV (clinician_id,centre,role,fte,birth_year,training_start) för en katalog som indata.",
    "Calendar year the input describes.":
      "Kalenderåret som indata beskriver.",
    "Years to project after the start year.":
      "År att skriva fram efter startåret.",
    "Random replications for a mean and 5-95% band; 0 gives expected values without randomness.":
      "Slumpmässiga replikeringar för medelvärde och 5–95 %-band; 0 ger väntevärden utan slump.",
    "GP specialists hired per year (whole input).":
      "Specialister i allmänmedicin som rekryteras per år (hela underlaget).",
    "Instead of --hires: hire to close the guideline gap, at most LIMIT specialists a year.":
      "I stället för --hires: rekrytera för att sluta gapet mot riktvärdet, högst LIMIT specialister per år.",
    "Years from the decision to hire to the start.":
      "År från beslut om rekrytering till start.",
    "Employment rate of a new specialist.":
      "Tjänstgöringsgrad för en nyanställd specialist.",
    "GP trainees (ST) taken in per year.":
      "ST-läkare som anställs per år.",
    "FTE added per year to each part-time specialist, up to 1.0.":
      "Tjänstgöringsgrad som läggs till per år för varje deltidsspecialist, upp till 1,0.",
    "Share of specialists leaving primary care per year (not retirement).":
      "Andel specialister som lämnar primärvården per år (ej pension).",
    "Retirement spread evenly over these ages.":
      "Pensionering jämnt fördelad över dessa åldrar.",
    "Probability that a trainee completing ST stays as a specialist.":
      "Sannolikhet att en ST-läkare som blir klar stannar som specialist.",
    "Specialist FTE of supervision per full-time trainee.":
      "Specialisttid (heltid) för handledning per ST-läkare på heltid.",
    "Supervisor capacity: trainee FTE one specialist FTE can supervise; intake beyond it is not taken in (an assumption; no published number).":
      "Handledarkapacitet: ST-läkare (heltid) som en specialist (heltid) kan handleda; intag utöver det tas inte in (ett antagande; inget publicerat värde).",
    "Share of specialists moving to another centre of the region each year.":
      "Andel specialister som byter till en annan vårdcentral i regionen varje år.",
    "Locum FTE per year over the whole input (default: the input's locum FTE).":
      "Hyrläkare (heltid) per år i hela underlaget (standard: underlagets hyrläkare).",
    "Share of doctor time per patient moved to the team in the first year; panels grow by 1/(1-SHARE) (0 to 0.75).":
      "Andel av läkartiden per patient som flyttas till teamet första året; listorna växer med 1/(1-ANDEL) (0 till 0,75).",
    "Yearly increase of the task-sharing share; the share may not pass 0.75 within the horizon.":
      "Årlig ökning av andelen uppgiftsväxling; andelen får inte passera 0,75 inom tidshorisonten.",
    "Where a rising task-sharing share levels off (0 to 0.75).":
      "Var en ökande andel uppgiftsväxling planar ut (0 till 0,75).",
    "Growth of the 80+ population over ten years.":
      "Ökning av befolkningen 80+ på tio år.",
    "Growth of the 16-64 population over ten years.":
      "Ökning av befolkningen 16–64 år på tio år.",
    "Leave out per-centre series (saves memory in national runs).":
      "Utelämna serier per vårdcentral (sparar minne i nationella körningar).",
    "Also simulate every centre's visits each year for continuity (COC), access (assessed within the care guarantee, waits) and utilisation; slower.":
      "Simulera också varje vårdcentrals besök varje år för kontinuitet (COC), tillgänglighet (bedömning inom vårdgarantin, väntetider) och beläggning; långsammare.",
    "What to reach.":
      "Vad som ska nås.",
    "Guideline target: the highest acceptable guideline ratio.":
      "Mål enligt riktvärdet: den högsta godtagbara kvoten mot riktvärdet.",
    "Fixed-doctor target: share of everyone listed.":
      "Mål för fast läkarkontakt: andel av alla listade.",
    "Fixed-doctor target: share of nursing-home residents.":
      "Mål för fast läkarkontakt: andel av boende på särskilt boende.",
    "The year the target must be met (default: start year + 4).":
      "Året då målet ska vara nått (standard: startåret + 4).",
    "Comma-separated levers to solve: hires, trainees, fte.":
      "Kommaseparerade åtgärder att lösa för: hires, trainees, fte.",
    "Share of replications that must meet the target.":
      "Andel replikeringar som måste nå målet.",
    "Cost per unit of each lever in --levers (hires, trainees, task-sharing, fte), per year, in a unit you choose; finds the least-cost combination instead of solving levers one at a time (issue 19).":
      "Kostnad per enhet för varje åtgärd i --levers (hires, trainees, task-sharing, fte), per år, i en enhet du väljer; hittar den billigaste kombinationen i stället för att lösa en åtgärd i taget (issue 19).",
    "With --cost: the largest value per lever (default hires=50, trainees=50, task-sharing=0.05, fte=0.05).":
      "Med --cost: det största värdet per åtgärd (standard hires=50, trainees=50, task-sharing=0.05, fte=0.05).",
    "With --cost: the search grid per lever (default hires=1, trainees=1, task-sharing=0.01, fte=0.01; coarser for national runs).":
      "Med --cost: sökrutnätet per åtgärd (standard hires=1, trainees=1, task-sharing=0.01, fte=0.01; grövre för nationella körningar).",
    "With --cost: least cost for each target year in this range (default: --by - 2 to --by + 2).":
      "Med --cost: lägsta kostnad för varje målår i detta intervall (standard: --by - 2 till --by + 2).",
    "Report the year the given plan first meets the target instead of solving.":
      "Visa året då den givna planen först når målet i stället för att lösa.",
    "Sweep file; omit with --example.":
      "Svepfil; utelämnas med --example.",
    "Seed of the random streams, overriding the sweep file's (default: the file's, else 1).":
      "Frö för slumptalsströmmarna; ersätter svepfilens (standard: filens, annars 1).",
    "Replications per point, overriding the sweep file's.":
      "Replikeringar per punkt; ersätter svepfilens.",
    "Run the built-in example sweep (36 points, 20 replications; seconds).":
      "Kör det inbyggda exempelsvepet (36 punkter, 20 replikeringar; några sekunder).",
    "Rank points by this result, largest first.":
      "Rangordna punkterna efter detta resultat, störst först.",
    "Rank points by this result, smallest first.":
      "Rangordna punkterna efter detta resultat, minst först.",
    "Keep only points where NAME>=X (or <=, >, <) holds; repeatable.":
      "Behåll bara punkter där NAMN>=X (eller <=, >, <) gäller; kan upprepas.",
    "Pareto front over two results; DIR is max or min (default max).":
      "Paretofront över två resultat; RIKTNING är max eller min (standard max).",
    "Run only shard K (0-based) of --shard-count: points K, K+N, K+2N, ...; without it, K comes from the scheduler's array variables.":
      "Kör bara del K (från 0) av --shard-count: punkterna K, K+N, K+2N, ...; utan den tas K från schemaläggarens array-variabler.",
    "Cut the sweep into N interleaved shards (merge them with 'panelplan merge').":
      "Dela svepet i N sammanflätade delar (slå ihop dem med 'panelplan merge').",
    "Take the shard index and count from the scheduler: SLURM_ARRAY_TASK_ID/COUNT (or MIN/MAX), AWS_BATCH_JOB_ARRAY_INDEX/SIZE, BATCH_TASK_INDEX/COUNT; JOB_COMPLETION_INDEX needs --shard-count. This is the default when one of these variables is set; the flag makes a missing variable an error.":
      "Ta delens index och antal från schemaläggaren: SLURM_ARRAY_TASK_ID/COUNT (eller MIN/MAX), AWS_BATCH_JOB_ARRAY_INDEX/SIZE, BATCH_TASK_INDEX/COUNT; JOB_COMPLETION_INDEX kräver --shard-count. Detta är standard när någon av variablerna är satt; flaggan gör en saknad variabel till ett fel.",
    "Run every point even inside an array job (ignore the scheduler's array variables).":
      "Kör alla punkter även i ett array-jobb (bortse från schemaläggarens array-variabler).",
    "Visit records (see Examples/visits.csv).":
      "Besöksdata (se Examples/visits.csv).",
    "Patients CSV: patient, birth_year or age_band, sex, need_weight, nursing_home, home_health_care, long_term_conditions, fixed_doctor, unit (see Examples/patients.csv).":
      "Patienter i CSV: patient, birth_year eller age_band, sex, need_weight, nursing_home, home_health_care, long_term_conditions, fixed_doctor, unit (se Examples/patients.csv).",
    "First day counted, YYYY-MM-DD (inclusive). Default: no limit.":
      "Första dag som räknas, ÅÅÅÅ-MM-DD (inklusive). Standard: ingen gräns.",
    "Last day counted, YYYY-MM-DD (inclusive). Default: no limit.":
      "Sista dag som räknas, ÅÅÅÅ-MM-DD (inklusive). Standard: ingen gräns.",
    "Visits a patient needs in a scope to count there (COC needs 2).":
      "Besök en patient behöver i ett omfång för att räknas där (COC kräver 2).",
    "SKR Primärvårdskvalitet's definition: at least 3 visits in the 18 months ending at --to (or the last date in the file), only visits at the patient's listing unit (the patients file's unit, else the unit of most of the patient's rows).":
      "SKR Primärvårdskvalitets definition: minst 3 besök under de 18 månader som slutar vid --to (eller sista datumet i filen), bara besök på patientens listningsenhet (patientfilens enhet, annars enheten för flest av patientens rader).",
    "Comma-separated contact types that count, e.g. physical,video (case ignored). Default: all.":
      "Kommaseparerade kontakttyper som räknas, t.ex. physical,video (skiftläge ignoreras). Standard: alla.",
    "Comparison mode: first day of the baseline period; the main window is the current period.":
      "Jämförelse: första dag i utgångsperioden; huvudfönstret är den aktuella perioden.",
    "Comparison mode: last day of the baseline period.":
      "Jämförelse: sista dag i utgångsperioden.",
    "Comparison mode: baseline visits from another file (with --compare-from/--compare-to if given, else the main window).":
      "Jämförelse: besök i utgångsläget från en annan fil (med --compare-from/--compare-to om de anges, annars huvudfönstret).",
    "Comma-separated profession values that mean a doctor, replacing the built-in list (case, punctuation and spaces ignored).":
      "Kommaseparerade yrkesvärden som betyder läkare, i stället för den inbyggda listan (skiftläge, skiljetecken och mellanslag ignoreras).",
    "Column with the patient id.":
      "Kolumn med patientens id.",
    "Column with the visit date.":
      "Kolumn med besöksdatum.",
    "Column with the clinician id.":
      "Kolumn med vårdgivarens id.",
    "Column with the clinician's profession.":
      "Kolumn med vårdgivarens yrke.",
    "Column with the care centre (optional unless named).":
      "Kolumn med vårdcentralen (valfri om den inte namnges).",
    "Column with the contact type (optional unless named).":
      "Kolumn med kontakttypen (valfri om den inte namnges).",
    "Column with the patient's fixed doctor (optional unless named).":
      "Kolumn med patientens fasta läkare (valfri om den inte namnges).",
    "Field delimiter; auto detects ',' or ';' from the header.":
      "Fältavgränsare; auto känner av ',' eller ';' från rubrikraden.",
    "Skip malformed rows, count them and report the first few, instead of stopping.":
      "Hoppa över felaktiga rader, räkna dem och visa de första, i stället för att avbryta.",
    "Centre or scenario JSON: the clinicians (and, without --patients, the listed patients). A scenario's parameters are the base for what is not estimated.":
      "Vårdcentrals- eller scenariofil i JSON: vårdgivarna (och, utan --patients, de listade patienterna). Ett scenarios parametrar är grunden för det som inte skattas.",
    "Listed patients CSV: patient, birth_year or age_band, sex, need_weight, nursing_home, home_health_care, long_term_conditions, fixed_doctor.":
      "Listade patienter i CSV: patient, birth_year eller age_band, sex, need_weight, nursing_home, home_health_care, long_term_conditions, fixed_doctor.",
    "First day of the window, YYYY-MM-DD. Default: the first date in the file.":
      "Första dag i perioden, ÅÅÅÅ-MM-DD. Standard: första datumet i filen.",
    "Last day of the window, YYYY-MM-DD. Default: the last date in the file.":
      "Sista dag i perioden, ÅÅÅÅ-MM-DD. Standard: sista datumet i filen.",
    "Validation replications (1 to 1000).":
      "Replikeringar för valideringen (1 till 1000).",
    "Rounds (0 to 5, 2 replications each) that raise the slots until the simulated visits made match the records; 0: slots equal the visits.":
      "Omgångar (0 till 5, 2 replikeringar vardera) som ökar antalet tider tills de simulerade genomförda besöken stämmer med data; 0: tiderna är lika med besöken.",
    "Comma-separated profession values that mean a nurse (case, punctuation and spaces ignored; by default the nurse titles continuity knows); other non-doctors are other professions.":
      "Kommaseparerade yrkesvärden som betyder sjuksköterska (skiftläge, skiljetecken och mellanslag ignoreras; som standard de sjukskötersketitlar continuity känner till); övriga som inte är läkare är andra yrkesgrupper.",
    "Comma-separated contact types that mean an acute contact.":
      "Kommaseparerade kontakttyper som betyder akut kontakt.",
    "Comma-separated contact types that mean a planned contact.":
      "Kommaseparerade kontakttyper som betyder planerad kontakt.",
    "Comma-separated contact types that count at all (case ignored). Default: all.":
      "Kommaseparerade kontakttyper som räknas över huvud taget (skiftläge ignoreras). Standard: alla.",
    "Care-centre file (Examples/small-centre.json) or scenario file (required).":
      "Vårdcentralsfil (Examples/small-centre.json) eller scenariofil (krävs).",
    "Patients CSV: patient, birth_year or age_band, need_weight, nursing_home, home_health_care, long_term_conditions, fixed_doctor, wants_fixed_doctor (required; see Examples/assign-patients.csv).":
      "Patienter i CSV: patient, birth_year eller age_band, need_weight, nursing_home, home_health_care, long_term_conditions, fixed_doctor, wants_fixed_doctor (krävs; se Examples/assign-patients.csv).",
    "Visit records (patient, date, clinician; other columns ignored; see Examples/assign-visits.csv) for the most-seen preference.":
      "Besöksdata (patient, date, clinician; övriga kolumner ignoreras; se Examples/assign-visits.csv) för att föredra den läkare patienten träffat mest.",
    "First day of visits counted, YYYY-MM-DD (inclusive). Default: no limit.":
      "Första dag för besök som räknas, ÅÅÅÅ-MM-DD (inklusive). Standard: ingen gräns.",
    "Last day of visits counted, YYYY-MM-DD (inclusive). Default: no limit.":
      "Sista dag för besök som räknas, ÅÅÅÅ-MM-DD (inklusive). Standard: ingen gräns.",
    "Capacity per doctor: Socialstyrelsen's guideline (1,100 / 550, scaled by FTE and duties) or working time.":
      "Kapacitet per läkare: Socialstyrelsens riktvärde (1 100 / 550, skalat med tjänstgöringsgrad och uppdrag) eller arbetstid.",
    "Share of each doctor's capacity that may be filled (0 to 2).":
      "Andel av varje läkares kapacitet som får fyllas (0 till 2).",
    "Who wants a fixed doctor when the patients file does not say: one share for every group (0.7), or group=share pairs (others=0.5,aged-75+=0.9); may repeat.":
      "Vem som vill ha fast läkarkontakt när patientfilen inte säger det: en andel för alla grupper (0.7), eller par grupp=andel (others=0.5,aged-75+=0.9); kan upprepas.",
    "Re-assign as if this clinician id had left (comma-separated ids; may repeat).":
      "Fördela om som om denna vårdgivare hade slutat (kommaseparerade id; kan upprepas).",
    "An earlier list (assign --out): its fixed_doctor column gives the relations before, instead of the patients file's.":
      "En tidigare lista (assign --out): dess kolumn fixed_doctor ger relationerna före, i stället för patientfilens.",
    "Year ages are taken at (from birth_year).":
      "År som åldern räknas vid (från birth_year).",
    "Skip malformed visit rows, count them and report the first few, instead of stopping.":
      "Hoppa över felaktiga besöksrader, räkna dem och visa de första, i stället för att avbryta.",
    "Continuity over time: windows of this length (18m, 12m, 3m; or 1y), one CSV row per window end, scope and index, with the first window's value +20% as target. Default with --skr: 18m.":
      "Kontinuitet över tid: fönster av denna längd (18m, 12m, 3m; eller 1y), en CSV-rad per fönsterslut, omfång och index, med första fönstrets värde +20 % som mål. Standard med --skr: 18m.",
    "With --rolling: months between window ends (1m, 3m, ...).":
      "Med --rolling: månader mellan fönstrens slut (1m, 3m, ...).",
    "Seed of the random streams; the same seed gives the same results.":
      "Frö för slumptalsströmmarna; samma frö ger samma resultat.",
    "A region or nation file (see 'panelplan generate'), or a directory of centre files with a roster.csv. Default: the built-in example region.":
      "En region- eller rikesfil (se 'panelplan generate'), eller en katalog med vårdcentralsfiler och en roster.csv. Standard: den inbyggda exempelregionen.",
  ]
}
