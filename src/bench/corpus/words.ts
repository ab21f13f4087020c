/** The word lists every corpus sentence is assembled from (invented names, common places); copied from make-corpus.mjs. */

/** English month names, January first. */
export const MONTHS: readonly string[] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** English weekday names, Monday first. */
export const WEEKDAYS: readonly string[] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Common geographic names (cities and regions), some with non-ASCII letters; also the place entities. */
export const PLACES: readonly string[] = [
  "Washington", "Baghdad", "São Paulo", "Zürich", "Montréal", "Kraków", "Reykjavík", "Bogotá", "Malmö", "Düsseldorf",
  "Curaçao", "Córdoba", "Gdańsk", "Tromsø", "Asunción", "Brașov", "Škofja Loka", "Łódź", "Genève", "Québec",
  "London", "Paris", "Berlin", "Madrid", "Rome", "Lisbon", "Athens", "Vienna", "Prague", "Warsaw",
  "Budapest", "Oslo", "Stockholm", "Helsinki", "Copenhagen", "Dublin", "Brussels", "Amsterdam", "Geneva", "Istanbul",
  "Ankara", "Cairo", "Nairobi", "Lagos", "Accra", "Dakar", "Addis Ababa", "Kinshasa", "Johannesburg", "Cape Town",
  "Tehran", "Riyadh", "Doha", "Dubai", "Amman", "Beirut", "Damascus", "Jerusalem", "Kabul", "Islamabad",
  "Karachi", "New Delhi", "Mumbai", "Kolkata", "Chennai", "Dhaka", "Colombo", "Kathmandu", "Bangkok", "Hanoi",
  "Jakarta", "Manila", "Kuala Lumpur", "Singapore", "Beijing", "Shanghai", "Hong Kong", "Taipei", "Seoul", "Tokyo",
  "Osaka", "Sydney", "Melbourne", "Auckland", "Ottawa", "Toronto", "Vancouver", "Chicago", "Houston", "Miami",
  "New York", "Los Angeles", "Mexico City", "Havana", "Lima", "Santiago", "Buenos Aires", "Caracas", "Quito", "Brasília",
  "Kyiv", "Minsk", "Tbilisi", "Yerevan", "Baku", "Almaty", "Tashkent", "Ulaanbaatar", "Anchorage", "Nuuk",
];

/** Invented given names for people and tweet authors. */
export const FIRST: readonly string[] = [
  "Amara", "Björn", "Chloé", "Dmitri", "Elena", "Farid", "Gisela", "Hiroshi", "Ingrid", "Jonas",
  "Kofi", "Leilani", "Matteo", "Nadia", "Orla", "Pavel", "Quentin", "Rosa", "Søren", "Tamsin",
  "Umar", "Valérie", "Wendell", "Ximena", "Yusuf", "Zoë", "Anaïs", "Bartłomiej", "Caoimhe", "Dagný",
  "Émile", "François", "Gülşen", "Håkon", "Iñaki", "José", "Kalani", "Lucía", "Mirela", "Noé",
  "Oğuz", "Priya", "Raúl", "Siân", "Tomás", "Ulla", "Vítor", "Wiremu", "Yara", "Zdeněk",
];
/** Invented family names for people and tweet authors. */
export const LAST: readonly string[] = [
  "Abernathy", "Brennick", "Castellano", "Dunmore", "Esterhaus", "Fairweather", "Galloway", "Halvorsen", "Iwasaki", "Jansky",
  "Kettering", "Lindqvist", "Marchetti", "Nakamura", "Okonjo", "Pemberton", "Quillon", "Rasmussen", "Szabó", "Thorne",
  "Underhill", "Vandermeer", "Whitcombe", "Xanthos", "Yildirim", "Zelenko", "Álvarez", "Brönner", "Çelik", "Dvořák",
  "Ekström", "Fernández", "Gómez-Ruiz", "Høgberg", "Ibáñez", "Jäger", "Kowalczyk", "Lefèvre", "Müller-Brandt", "Núñez",
  "O'Shaughnessy", "Pérez", "Quiñones", "Røed", "Sánchez", "Toussaint", "Ulloa", "Villeneuve", "Weißmann", "Zúñiga",
];
/** First halves of invented organisation names. */
export const ORG_HEAD: readonly string[] = [
  "Northern", "Velmora", "Castor", "Brightwater", "Kestrel", "Orvane", "Halcyon", "Tarrow", "Meridian", "Pellucid",
  "Ashgrove", "Quenby", "Silverline", "Drummond", "Larkspur", "Corvane", "Ironbridge", "Fenwick", "Solace", "Harlow & Finch",
  "Grüntal", "Estrela", "Nørre", "Lumière", "Cascadia", "Oberon", "Tidewell", "Rookwood", "Marisol", "Veritas",
];
/** Second halves of invented organisation names. */
export const ORG_TAIL: readonly string[] = [
  "Energy Group", "Grain Council", "Holdings", "Maritime Authority", "Institute for Policy", "Rail Consortium", "Health Trust",
  "Mining Corp", "Defence Agency", "Water Board", "Data Systems", "Labour Federation", "Capital Partners", "Press Union",
  "Aerospace", "Pharmaceuticals", "Port Authority", "Electoral Commission", "Climate Observatory", "Telecom",
];
/** News topics; also the topic entities. */
export const TOPICS: readonly string[] = [
  "Elections", "Climate", "Trade", "Nuclear Energy", "Inflation", "Public Health", "Migration", "Drought", "Cybersecurity", "Space",
  "Football", "Cricket", "Tennis", "Cinema", "Music", "Agriculture", "Shipping", "Housing", "Education", "Transport",
  "Wildfires", "Floods", "Earthquakes", "Vaccines", "Labour Strikes", "Interest Rates", "Oil Prices", "Tourism", "Fisheries", "Mining",
  "Artificial Intelligence", "Semiconductors", "Banking", "Taxation", "Pensions", "Courts", "Policing", "Diplomacy", "Sanctions", "Ceasefire",
  "Refugees", "Protests", "Parliament", "Budget", "Renewables", "Water Supply", "Air Quality", "Biodiversity", "Archaeology", "Fashion",
];

/** Singular nouns for filler sentences. */
export const NOUNS: readonly string[] = [
  "agreement", "budget", "ceasefire", "committee", "contract", "council", "court", "deadline", "deal", "delegation",
  "drone", "election", "embargo", "facility", "forecast", "framework", "harbour", "inquiry", "investigation", "license",
  "market", "measure", "memo", "mission", "network", "office", "operation", "package", "pipeline", "plan",
  "plant", "policy", "programme", "project", "proposal", "reactor", "reform", "report", "review", "ruling",
  "scheme", "shipment", "statement", "strategy", "strike", "study", "summit", "survey", "system", "tariff",
  "treaty", "tribunal", "vote", "warning", "waiver", "corridor", "reservoir", "bridge", "airport", "factory",
];
/** Plural nouns for filler sentences. */
export const PLURALS: readonly string[] = [
  "officials", "residents", "workers", "analysts", "investors", "farmers", "students", "lawmakers", "diplomats", "engineers",
  "doctors", "nurses", "soldiers", "voters", "researchers", "activists", "fishermen", "pilots", "judges", "teachers",
  "shipments", "contracts", "vehicles", "households", "companies", "villages", "schools", "hospitals", "licences", "ports",
];
/** Adjectives for filler sentences and titles. */
export const ADJS: readonly string[] = [
  "senior", "regional", "national", "temporary", "unexpected", "controversial", "preliminary", "joint", "long-delayed", "major",
  "modest", "sweeping", "fragile", "independent", "coastal", "rural", "urban", "emergency", "annual", "record",
  "cross-border", "bilateral", "provisional", "disputed", "renewed", "ambitious", "limited", "public", "private", "quarterly",
];
/** Past-tense verbs for filler sentences. */
export const VERBS_PAST: readonly string[] = [
  "approved", "rejected", "announced", "delayed", "suspended", "expanded", "criticised", "defended", "signed", "cancelled",
  "confirmed", "denied", "launched", "reviewed", "questioned", "welcomed", "blocked", "funded", "extended", "revised",
];
/** Headline-style present-tense verbs (Title Case). */
export const VERBS_PRES: readonly string[] = [
  "Approves", "Rejects", "Announces", "Delays", "Suspends", "Expands", "Criticises", "Defends", "Signs", "Cancels",
  "Confirms", "Denies", "Launches", "Reviews", "Questions", "Welcomes", "Blocks", "Funds", "Extends", "Revises",
  "Begins Building", "Plans", "Weighs", "Eyes", "Backs",
];
/** Infinitive verbs for filler sentences. */
export const VERBS_INF: readonly string[] = [
  "approve", "reject", "delay", "suspend", "expand", "review", "sign", "cancel", "extend", "revise",
  "fund", "block", "restore", "accelerate", "investigate", "renegotiate", "finalise", "publish", "challenge", "support",
];
/** Job titles of quoted people. */
export const ROLES: readonly string[] = [
  "spokesperson", "minister", "chief executive", "deputy director", "senior analyst", "mayor", "chair", "envoy",
  "general secretary", "head of research", "commander", "ambassador", "lead negotiator", "press officer", "governor",
];
/** Time phrases that end a sentence. */
export const TIMES: readonly string[] = [
  "by the end of the year", "within weeks", "next month", "before the summer", "later this week", "in the coming days",
  "over the next decade", "by early spring", "before the next session", "as soon as possible",
];
/** Sentence openers that link to the previous sentence. */
export const CONNECT: readonly string[] = [
  "However,", "Meanwhile,", "Earlier,", "In a separate development,", "According to local media,", "Critics said",
  "At the same time,", "Separately,", "On Thursday,", "Later,", "In response,", "Still,",
];
/** Number words for headlines. */
export const NUM_WORDS: readonly string[] = ["Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Ten", "Twelve", "Dozens of"];
/** Short invented quotations. */
export const QUOTE_BITS: readonly string[] = [
  "we will not accept this", "the numbers speak for themselves", "it's a step in the right direction",
  "nobody expected it to happen this fast", "we've been clear from the start", "this is about trust & accountability",
  "the community deserves answers", "there's still a lot of work to do", "we're confident the plan will hold",
  "this was never about politics", "we'll continue to monitor the situation", "it's far too early to say",
];
/** Openers of embedded social-post text. */
export const TWEET_LEADS: readonly string[] = [
  "Footage from", "Video shared online from", "Crowds gathered in", "Smoke could be seen over", "Long queues formed in",
  "Heavy rain flooded streets in", "Fans celebrated late into the night in", "Police blocked roads in",
];
