namespace Portal.Benchmarks;

/// <summary>
/// One area of NHS evidence work, as the generator writes about it: the portal topics it is tagged
/// with, and the people, interventions, outcomes, settings and keywords its questions and
/// findings draw on.
/// </summary>
internal sealed record SearchTheme(
    string Name,
    string[] Topics,
    string[] Populations,
    string[] Interventions,
    string[] Outcomes,
    string[] Settings,
    string[] Keywords);

/// <summary>Words for generated summaries, references and queries (UK health evidence, British English).</summary>
internal static class SearchVocabulary
{
    public static readonly SearchTheme[] Themes =
    [
        new("Frailty", ["Frailty", "Long-term conditions"],
            ["older people living with moderate frailty", "people aged 65 and over with severe frailty", "frail older adults discharged from hospital", "older people identified by the electronic frailty index"],
            ["comprehensive geriatric assessment", "proactive frailty case management", "anticipatory care planning", "virtual frailty wards", "multicomponent exercise programmes", "medication review by clinical pharmacists"],
            ["unplanned hospital admissions", "length of stay", "functional independence", "quality of life", "admission to long-term care", "carer strain"],
            ["primary care networks", "community health services", "acute medical units", "intermediate care", "people's own homes"],
            ["frailty", "geriatric assessment", "frail elderly", "polypharmacy", "deprescribing", "care planning", "integrated care"]),
        new("Falls", ["Falls prevention", "Frailty"],
            ["older people at risk of falling", "care home residents who have fallen", "people over 65 attending the emergency department after a fall", "older adults with osteoporosis"],
            ["strength and balance training", "multifactorial falls risk assessment", "home hazard assessment and modification", "falls response services run by paramedics", "vitamin D supplementation", "post-fall huddles"],
            ["falls rate", "hip fracture", "fear of falling", "ambulance conveyance", "injurious falls", "return to independent living"],
            ["care homes", "people's own homes", "community falls services", "emergency departments", "extra care housing"],
            ["accidental falls", "fractures", "postural stability", "balance", "Otago programme", "FallSafe", "osteoporosis"]),
        new("Perinatal mental health", ["Perinatal mental health", "Maternity and perinatal care", "Mental health"],
            ["women with moderate to severe perinatal mental illness", "birthing people in the first year after birth", "fathers and partners during the perinatal period", "women from Black and minority ethnic groups in pregnancy"],
            ["specialist community perinatal mental health teams", "maternal mental health services", "peer support from women with lived experience", "parent–infant psychotherapy", "digital cognitive behavioural therapy", "routine enquiry by midwives"],
            ["postnatal depression", "anxiety symptoms", "mother–infant bonding", "access to treatment", "psychiatric admission", "service satisfaction"],
            ["maternity units", "health visiting services", "mother and baby units", "primary care", "the voluntary sector"],
            ["perinatal depression", "postpartum", "maternal mental health", "antenatal", "postnatal", "bonding", "peer support"]),
        new("Maternity choice", ["Maternal choice", "Maternity and perinatal care"],
            ["women at low risk of complications", "women planning birth after a caesarean section", "pregnant women living in rural areas", "women with complex social factors"],
            ["midwifery continuity of carer", "midwife-led birth centres", "personalised care and support plans", "home birth services", "antenatal education", "shared decision-making tools"],
            ["birth satisfaction", "intervention rates", "informed choice", "stillbirth and neonatal death", "caesarean birth", "breastfeeding initiation"],
            ["obstetric units", "alongside midwifery units", "freestanding midwifery units", "the home", "community hubs"],
            ["maternity services", "continuity of care", "birth place", "midwifery", "choice", "Better Births", "caesarean section"]),
        new("Physical activity", ["Physical activity", "Exercise referral"],
            ["inactive adults", "children and young people in deprived areas", "people with long-term conditions", "adults over 50 who are insufficiently active"],
            ["exercise referral schemes", "community walking groups", "park-based activity programmes", "brief advice on physical activity in primary care", "active travel initiatives", "digital activity trackers"],
            ["weekly minutes of moderate activity", "cardiorespiratory fitness", "adherence", "weight", "mental wellbeing", "sedentary time"],
            ["leisure centres", "schools", "parks and green spaces", "general practice", "workplaces"],
            ["exercise", "physical activity", "sedentary behaviour", "active travel", "adherence", "motivational interviewing", "walking"]),
        new("Social prescribing", ["Social prescribing", "Health inequalities"],
            ["adults experiencing loneliness and social isolation", "people who attend general practice frequently", "older people living alone", "people with mild to moderate anxiety"],
            ["link workers in primary care networks", "community navigators", "arts on prescription", "green social prescribing", "befriending services", "welfare and debt advice"],
            ["GP consultations", "loneliness scores", "wellbeing measured with WEMWBS", "use of emergency services", "social connectedness", "return on investment"],
            ["general practice", "voluntary and community organisations", "libraries", "community centres", "allotments"],
            ["social prescribing", "link worker", "loneliness", "wellbeing", "community assets", "voluntary sector", "social isolation"]),
        new("Multimorbidity", ["Multimorbidity", "Long-term conditions", "Population health management"],
            ["adults with two or more long-term conditions", "people with complex multimorbidity and polypharmacy", "working-age adults with multiple conditions", "people with mental and physical multimorbidity"],
            ["holistic annual reviews", "structured medication optimisation", "integrated multidisciplinary teams", "risk stratification to target proactive care", "health coaching", "care coordination by nurses"],
            ["treatment burden", "emergency admissions", "number of medicines", "patient activation", "continuity of care", "costs to the health system"],
            ["primary care networks", "integrated neighbourhood teams", "outpatient clinics", "community pharmacy"],
            ["multimorbidity", "comorbidity", "polypharmacy", "treatment burden", "patient activation", "care coordination", "generalist care"]),
        new("Deprivation", ["Health inequalities", "Core20PLUS5"],
            ["people living in the most deprived 20% of neighbourhoods", "inclusion health groups", "people experiencing homelessness", "Gypsy, Roma and Traveller communities", "people with a learning disability"],
            ["proportionate universalism", "community health workers", "outreach clinics", "targeted lung health checks", "anchor institution programmes", "income maximisation"],
            ["gaps in life expectancy", "uptake of screening", "avoidable admissions", "access to services", "healthy life expectancy", "unmet need"],
            ["deprived coastal towns", "inner-city neighbourhoods", "former coalfield communities", "rural areas"],
            ["deprivation", "health inequalities", "socioeconomic factors", "Core20PLUS5", "inclusion health", "poverty", "index of multiple deprivation"]),
        new("COPD", ["COPD", "Long-term conditions"],
            ["adults with chronic obstructive pulmonary disease", "people with COPD after an exacerbation", "people with breathlessness in primary care", "smokers with early COPD"],
            ["pulmonary rehabilitation", "self-management plans", "supported discharge after an exacerbation", "remote monitoring with pulse oximetry", "inhaler technique review", "tobacco dependence treatment"],
            ["exacerbations", "readmission within 30 days", "breathlessness", "exercise capacity", "mortality", "quality of life measured by CAT"],
            ["community respiratory services", "hospital respiratory wards", "general practice", "people's own homes"],
            ["COPD", "pulmonary disease, chronic obstructive", "pulmonary rehabilitation", "exacerbation", "spirometry", "breathlessness", "smoking cessation"]),
        new("Diabetes", ["Diabetes", "Type 2 diabetes prevention", "Gestational diabetes"],
            ["adults with non-diabetic hyperglycaemia", "people with type 2 diabetes and obesity", "young adults with type 1 diabetes", "women with gestational diabetes", "people with diabetes from South Asian communities"],
            ["the NHS Diabetes Prevention Programme", "low-calorie diet programmes", "structured education", "continuous glucose monitoring", "digital self-management", "foot protection services"],
            ["HbA1c", "weight loss", "remission of type 2 diabetes", "amputations", "progression to type 2 diabetes", "hypoglycaemia"],
            ["general practice", "community diabetes services", "antenatal clinics", "online", "secondary care diabetes clinics"],
            ["diabetes mellitus, type 2", "prediabetes", "HbA1c", "structured education", "glycaemic control", "remission", "gestational diabetes"]),
        new("Care homes", ["Care homes", "Frailty", "Dementia"],
            ["residents of nursing homes", "people living with dementia in care homes", "care home staff", "residents at the end of life"],
            ["enhanced health in care homes", "weekly multidisciplinary home rounds", "telemedicine consultations", "trusted assessor schemes", "oral health training for staff", "hydration and nutrition programmes"],
            ["hospital transfers", "antipsychotic prescribing", "urinary tract infections", "staff confidence", "deaths in the preferred place", "pressure ulcers"],
            ["residential care homes", "nursing homes", "care homes with nursing", "community health services"],
            ["nursing homes", "homes for the aged", "long-term care", "dementia", "end of life care", "telehealth", "hydration"]),
        new("Workforce", ["Workforce"],
            ["newly qualified nurses", "general practitioners approaching retirement", "allied health professionals", "international recruits", "healthcare support workers"],
            ["preceptorship programmes", "flexible working and job planning", "staff health and wellbeing hubs", "rotational posts across primary and secondary care", "mentoring and legacy mentoring", "apprenticeship routes"],
            ["staff retention", "turnover", "sickness absence", "burnout", "intention to leave", "vacancy rates"],
            ["acute trusts", "general practice", "mental health trusts", "community providers", "integrated care systems"],
            ["workforce", "staff retention", "burnout", "turnover", "recruitment", "wellbeing", "job satisfaction"]),
        new("Dementia", ["Dementia"],
            ["people living with dementia at home", "carers of people with dementia", "people with mild cognitive impairment", "people with young-onset dementia"],
            ["post-diagnostic support", "cognitive stimulation therapy", "admiral nursing", "dementia advisers", "assistive technology", "carer education"],
            ["time to care home admission", "carer burden", "behavioural and psychological symptoms", "diagnosis rates", "crisis admissions", "quality of life"],
            ["memory assessment services", "general practice", "people's own homes", "day services"],
            ["dementia", "Alzheimer disease", "cognitive impairment", "carers", "post-diagnostic support", "memory clinics", "assistive technology"]),
        new("Urgent care", ["Urgent and emergency care", "Virtual wards"],
            ["adults attending emergency departments", "older people with acute illness", "people calling NHS 111", "people with respiratory infections"],
            ["virtual wards with remote monitoring", "same-day emergency care", "urgent community response teams", "hospital at home", "clinical streaming at the front door", "frequent attender case management"],
            ["emergency department attendances", "four-hour performance", "bed days", "readmissions", "patient experience", "ambulance handover delays"],
            ["emergency departments", "urgent treatment centres", "people's own homes", "acute trusts"],
            ["emergency medical services", "virtual wards", "hospital at home", "urgent care", "admission avoidance", "remote monitoring", "NHS 111"]),
        new("Children's mental health", ["Children and young people's mental health", "Mental health", "Suicide prevention"],
            ["children and young people waiting for CAMHS", "adolescents who self-harm", "young people with eating disorders", "looked-after children"],
            ["mental health support teams in schools", "online counselling", "early intervention in psychosis", "crisis home treatment", "family therapy", "peer mentoring"],
            ["waiting times", "self-harm presentations", "emotional wellbeing", "school attendance", "recovery", "inpatient admissions"],
            ["schools and colleges", "CAMHS", "online", "youth services", "paediatric wards"],
            ["adolescent", "child", "mental health services", "self-injurious behaviour", "eating disorders", "school health services", "anxiety"]),
        new("Smoking and alcohol", ["Smoking cessation", "Alcohol", "Health inequalities"],
            ["hospital inpatients who smoke", "pregnant women who smoke", "people with alcohol dependence", "people with severe mental illness who smoke"],
            ["opt-out tobacco dependence services", "financial incentives", "e-cigarettes for smoking cessation", "alcohol care teams", "brief interventions", "very brief advice"],
            ["quit rates at four weeks", "smoking at time of delivery", "alcohol-related admissions", "relapse", "cost-effectiveness", "readmissions"],
            ["acute trusts", "maternity services", "community pharmacy", "mental health inpatient units"],
            ["smoking cessation", "tobacco use disorder", "electronic nicotine delivery systems", "alcohol drinking", "brief intervention", "incentives", "CURE project"]),
    ];

    /// <summary>NHS regions and their integrated care boards; the first is the club's own and is weighted up.</summary>
    public static readonly (string Region, string[] Systems)[] Regions =
    [
        ("North East and Yorkshire", ["NHS North East and North Cumbria ICB", "NHS Humber and North Yorkshire ICB", "NHS West Yorkshire ICB", "NHS South Yorkshire ICB"]),
        ("North West", ["NHS Lancashire and South Cumbria ICB", "NHS Greater Manchester ICB", "NHS Cheshire and Merseyside ICB"]),
        ("Midlands", ["NHS Birmingham and Solihull ICB", "NHS Black Country ICB", "NHS Coventry and Warwickshire ICB", "NHS Staffordshire and Stoke-on-Trent ICB", "NHS Nottingham and Nottinghamshire ICB"]),
        ("East of England", ["NHS Norfolk and Waveney ICB", "NHS Cambridgeshire and Peterborough ICB"]),
        ("London", ["NHS North East London ICB", "NHS South East London ICB"]),
        ("South East", ["NHS Kent and Medway ICB", "NHS Sussex ICB"]),
        ("South West", ["NHS Devon ICB", "NHS Cornwall and the Isles of Scilly ICB"]),
    ];

    public static readonly string[] Places =
    [
        "Gateshead", "Sunderland", "Newcastle upon Tyne", "County Durham", "Northumberland", "North Tyneside", "South Tyneside", "Middlesbrough",
        "Hartlepool", "Darlington", "Stockton-on-Tees", "Redcar and Cleveland", "Cumberland", "Carlisle", "Leeds", "Bradford", "Hull", "Sheffield",
        "Blackpool", "Salford", "Liverpool", "Birmingham", "Sandwell", "Coventry", "Stoke-on-Trent", "Norwich", "Tower Hamlets", "Lewisham",
        "Medway", "Hastings", "Plymouth", "Cornwall",
    ];

    public static readonly string[] Designs =
    [
        "systematic review", "meta-analysis", "Cochrane review", "cluster randomised controlled trial", "randomised controlled trial", "pragmatic trial",
        "prospective cohort study", "retrospective cohort study", "interrupted time series analysis", "qualitative study", "realist evaluation",
        "mixed-methods evaluation", "service evaluation", "economic evaluation", "scoping review", "rapid review", "before-and-after study",
    ];

    public static readonly string[] Countries =
    [
        "England", "Scotland", "Wales", "the UK", "the Netherlands", "Denmark", "Sweden", "Australia", "Canada", "New Zealand", "the United States", "Ireland",
    ];

    public static readonly string[] Comparisons =
    [
        "usual care", "standard care", "waiting-list controls", "no intervention", "care as usual in general practice", "a minimal information leaflet",
    ];

    public static readonly string[] Periods = ["six months", "twelve months", "two years", "eighteen months", "three months", "five years"];

    public static readonly string[] Strengths = ["modest", "small but significant", "moderate", "clinically important", "large", "inconsistent", "no clear"];

    public static readonly string[] Directions = ["a reduction in", "an improvement in", "fewer", "lower", "better", "no significant difference in"];

    public static readonly string[] SectionHeadings =
    [
        "Summary of the evidence", "What the reviews say", "Effectiveness", "Evidence from trials", "Evidence from UK services", "Cost and value",
        "Implementation", "Who benefits", "Experience of patients and carers", "Workforce implications", "Inequalities", "Gaps in the evidence",
        "Local data", "National guidance", "Practice examples",
    ];

    public static readonly string[] Guidance =
    [
        "NICE guideline NG249", "NICE quality standard QS86", "the NHS Long Term Plan", "the Core20PLUS5 approach", "NHS England's enhanced health in care homes framework",
        "the Fuller stocktake", "the Three Year Delivery Plan for Maternity and Neonatal Services", "the NHS Long Term Workforce Plan", "the Chief Medical Officer's physical activity guidelines",
        "the Ageing Well programme", "Public Health England's falls and fracture consensus statement", "the Getting It Right First Time national report",
    ];

    public static readonly string[] CaveatSentences =
    [
        "Most studies were small and at some risk of bias.",
        "Few studies were set in the UK, and fewer still in the North East.",
        "Follow-up was short in most trials, so lasting effects are uncertain.",
        "Outcomes were measured in different ways, which limits comparison.",
        "Grey literature was searched but not systematically.",
        "Service evaluations were often uncontrolled and may overstate benefit.",
        "The search was limited to English-language publications since 2015.",
        "Costs were reported in different years and currencies.",
        "People from ethnic minority groups were under-represented in the studies found.",
        "Several included reviews overlap in the primary studies they draw on.",
    ];

    public static readonly string[] Surnames =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White",
        "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Ahmed", "Begum", "Singh", "Hussain", "Lewis", "Harrison", "Scott",
        "Moore", "Cooper", "Ward", "Morris", "King", "Watson", "Baker", "Young", "Turner", "Hill", "Edwards", "Collins", "Stewart", "Campbell", "Murphy",
        "O'Brien", "Kelly", "Nguyen", "Chen", "Wang", "Li", "Zhang", "Müller", "Jensen", "Hansen", "Nielsen", "de Vries", "van Dijk", "Bakker",
        "Andersson", "Johansson", "Kowalski", "Novak", "García", "Rodríguez", "Martínez", "Rossi", "Bianchi", "Dupont", "Lefèvre", "Søndergaard",
        "Gillespie", "Sherrington", "Clegg", "Rockwood", "Kingston", "Barnett", "Mercer", "Guthrie", "Salisbury", "Marmot", "Bambra", "Howse",
    ];

    public static readonly string[] Journals =
    [
        "BMJ", "BMJ Open", "The Lancet", "Lancet Public Health", "Age and Ageing", "British Journal of General Practice", "Cochrane Database of Systematic Reviews",
        "Journal of Public Health", "BMC Health Services Research", "BMC Geriatrics", "Health and Social Care in the Community", "Midwifery",
        "BJOG: An International Journal of Obstetrics and Gynaecology", "Archives of Women's Mental Health", "Thorax", "European Respiratory Journal",
        "Diabetic Medicine", "Diabetes Care", "Journal of the American Geriatrics Society", "International Journal of Nursing Studies",
        "Health Technology Assessment", "Public Health", "Social Science and Medicine", "Journal of Epidemiology and Community Health",
        "British Journal of Psychiatry", "Journal of Child Psychology and Psychiatry", "Addiction", "Nicotine and Tobacco Research",
        "Human Resources for Health", "International Journal of Integrated Care", "The King's Fund", "Nuffield Trust", "Health Foundation",
        "NIHR Evidence", "Journal of Advanced Nursing",
    ];

    /// <summary>Where references come from: the open ones (PubMed, Europe PMC) may show their abstracts; the rest are licensed.</summary>
    public static readonly (string Database, int Weight)[] Databases =
    [
        ("PubMed", 22), ("Europe PMC", 8), ("Medline via Ovid", 25), ("CINAHL via EBSCOhost", 18), ("Embase via Ovid", 10), ("HMIC via Ovid", 6),
        ("PsycINFO via Ovid", 5), ("Cochrane Library", 4), ("Google Scholar", 2),
    ];

    public static readonly string[] GeneralKeywords =
    [
        "humans", "aged", "female", "male", "adult", "United Kingdom", "England", "State Medicine", "primary health care", "quality of life",
        "treatment outcome", "cost-benefit analysis", "qualitative research", "health services accessibility", "patient satisfaction", "evaluation studies",
    ];

    /// <summary>Words people type into the search box, beyond the themes' own: single words and near-misses for synonyms.</summary>
    public static readonly string[] QueryWords =
    [
        "frailty", "falls", "dementia", "loneliness", "COPD", "diabetes", "breastfeeding", "deprivation", "workforce", "retention", "burnout",
        "multimorbidity", "polypharmacy", "rehabilitation", "telehealth", "prescribing", "midwifery", "caesarean", "obesity", "smoking", "alcohol",
        "inequalities", "carers", "elderly", "GP", "maternity", "perinatal", "homelessness", "exercise", "walking", "hydration", "fractures",
    ];

    public static readonly string[] QueryPhrases =
    [
        "social prescribing", "care homes", "pulmonary rehabilitation", "perinatal mental health", "virtual wards", "hospital at home", "link workers",
        "strength and balance", "structured education", "continuity of carer", "staff retention", "type 2 diabetes", "emergency admissions",
        "post-diagnostic support", "brief interventions", "falls prevention", "community health workers", "mental health support teams",
    ];

    public static readonly string[] QueryPrefixes = ["frail*", "prescri*", "rehab*", "diabet*", "perinat*", "deprescrib*", "loneli*", "midwi*", "exacerbat*", "retent*", "dement*", "hospit*"];
}
