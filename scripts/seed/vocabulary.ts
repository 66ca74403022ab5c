/** Word lists the seed draws from, so seeded clients look like a wellness practice's. */

// prettier-ignore
export const FIRST_NAMES = [
  "Olivia", "Liam", "Emma", "Noah", "Ava", "Oliver", "Sophia", "Elijah", "Isabella", "Lucas", "Mia", "Mateo",
  "Amelia", "Levi", "Harper", "Ethan", "Evelyn", "James", "Abigail", "Aiden", "Emily", "Benjamin", "Ella",
  "Sebastian", "Elizabeth", "Jack", "Camila", "Henry", "Luna", "Alexander", "Sofia", "Owen", "Avery", "Daniel",
  "Mila", "Samuel", "Aria", "Michael", "Scarlett", "Wyatt", "Penelope", "Leo", "Layla", "Asher", "Chloe", "Jayden",
  "Victoria", "Julian", "Madison", "Grayson", "Eleanor", "Ezra", "Grace", "Luke", "Nora", "Hudson", "Riley",
  "Gabriel", "Zoey", "Isaac", "Hannah", "Anthony", "Hazel", "Dylan", "Lily", "Lincoln", "Ellie", "Joshua", "Violet",
  "Thomas", "Lillian", "Andrew", "Zoe", "Nathan", "Stella", "Ryan", "Aurora", "Adrian", "Natalie", "Christopher",
  "Emilia", "Joseph", "Everly", "Josiah", "Leah", "Jonathan", "Aubrey", "Christian", "Willow", "Anna", "Annabel",
  "Joanne", "Hannah", "Marianne", "Priya", "Arjun", "Mei", "Hiroshi", "Fatima", "Omar", "Aisha", "Yusuf", "Chloé",
  "José", "Zoë", "Siobhan", "Niamh", "Björn", "Ingrid", "Kwame", "Amara", "Tariq", "Lucía", "Mateus", "Giulia",
  "Matteo", "Anika", "Ravi", "Sakura", "Kenji", "Leilani", "Kai", "Nadia", "Dmitri",
];

// prettier-ignore
export const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
  "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young",
  "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker",
  "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Patel", "Shah", "Kim", "Chen", "Wang", "Singh",
  "O'Brien", "Murphy", "Kelly", "Fischer", "Schneider", "Müller", "Rossi", "Bianchi", "Dubois", "Lefèvre",
  "Kowalski", "Novak", "Haddad", "Khan", "Okafor", "Mensah", "Tanaka", "Sato", "Yamamoto", "Silva", "Santos",
  "Costa", "Andersson", "Johansson", "Larsen", "Nielsen", "Ivanova", "Popescu", "Horvat", "Papadopoulos",
];

export const EMAIL_DOMAINS = ["gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "example.org"];

export const STREETS = ["Main St", "Oak Ave", "Maple Dr", "Cedar Ln", "Park Rd", "Elm St", "Lakeview Blvd", "Hill St"];
export const CITIES: [string, string, string][] = [
  ["Portland", "OR", "972"],
  ["Austin", "TX", "787"],
  ["Denver", "CO", "802"],
  ["Asheville", "NC", "288"],
  ["Boulder", "CO", "803"],
  ["Santa Fe", "NM", "875"],
  ["Burlington", "VT", "054"],
  ["Sedona", "AZ", "863"],
];

/** Stages weighted the way a practice's book usually looks: mostly core and new clients. */
// prettier-ignore
export const WEIGHTED_STAGES = [
  "Prospect", "Prospect", "New Client", "New Client", "New Client", "Core Client", "Core Client", "Core Client",
  "Core Client", "Referral Champion", "VIP Client", "At Risk Client", "Lost Client",
];

export const WEIGHTED_SOURCES = ["manual", "manual", "manual", "intake", "intake", "import", "calendar", "gmail"];

export const REFERRAL_SOURCES = ["Google", "Instagram", "Friend", "Dr. Patel", "Yelp", "Studio flyer", "Returning"];

// prettier-ignore
export const CONDITIONS = [
  "lower back pain", "sciatica", "tension headaches", "plantar fasciitis", "anxiety", "insomnia", "TMJ",
  "frozen shoulder",
];
export const ALLERGIES = ["lavender oil", "nut oils", "latex", "fragrance", "arnica"];
export const CONTRAINDICATIONS = [
  "no deep tissue on calves",
  "avoid prone after 20 weeks",
  "no heat packs",
  "light pressure only",
];

export const TAGS: [name: string, color: string, category: string][] = [
  ["Prenatal", "#ec4899", "Specialty"],
  ["Sports", "#f97316", "Specialty"],
  ["Chronic pain", "#ef4444", "Specialty"],
  ["Deep tissue", "#8b5cf6", "Modality"],
  ["Reiki", "#a855f7", "Modality"],
  ["Yoga", "#10b981", "Modality"],
  ["Coaching", "#0ea5e9", "Modality"],
  ["Package holder", "#eab308", "Billing"],
  ["Sliding scale", "#84cc16", "Billing"],
  ["Newsletter", "#64748b", "Marketing"],
  ["Referred a friend", "#14b8a6", "Marketing"],
  ["Prefers mornings", "#6366f1", "Scheduling"],
];

/** SOAP sentences; a note picks one of each. */
export const NOTE_SUBJECTIVE = [
  "Client reports tension in the upper trapezius after long days at the desk.",
  "Reports improved sleep since the last session and less morning stiffness.",
  "Mentions a flare-up of sciatica on the left side after a long drive.",
  "Feeling anxious about work; asked for a slower, grounding session.",
  "Training for a half marathon; calves and hamstrings feel tight.",
  "Third trimester, lower back discomfort when standing for long periods.",
  "Headaches twice this week, mostly in the afternoon.",
];
export const NOTE_OBJECTIVE = [
  "Palpable trigger points in the levator scapulae, right more than left.",
  "Range of motion in the neck improved compared to the previous visit.",
  "Hypertonic erector spinae in the lumbar region; gluteus medius tender.",
  "Breathing shallow at the start, deepened after ten minutes of stillness.",
  "Restricted dorsiflexion on the right ankle; plantar fascia tender.",
];
export const NOTE_ASSESSMENT = [
  "Postural strain consistent with desk work; responding well to treatment.",
  "Symptoms easing; continue the current plan.",
  "Nerve irritation likely; referred to physiotherapist for assessment.",
  "Stress-related muscle guarding; relaxation techniques helpful.",
];
export const NOTE_PLAN = [
  "Rebook in two weeks; daily chin tucks and doorway stretches.",
  "Continue monthly maintenance sessions; heat at home in the evening.",
  "Side-lying positioning next time; add pelvic tilts to home care.",
  "Follow up in one week; hydrate and walk daily.",
  "Annual review of goals at the next session.",
];
