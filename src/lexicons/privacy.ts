/**
 * Word lists that tell a private person's contact details from an organisation's, for
 * `privacy/personal-data`. Patterns are regular expression sources matched case-insensitively
 * against the sentence around a finding.
 */

/** Free mail providers: an address there belongs to a person, not an organisation. */
export const freeMailDomains: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'ymail.com',
  'rocketmail.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'msn.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'comcast.net',
  'verizon.net',
  'att.net',
  'sbcglobal.net',
  'charter.net',
  'cox.net',
  'earthlink.net',
  'protonmail.com',
  'proton.me',
  'pm.me',
  'gmx.com',
  'gmx.net',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'fastmail.com',
  'hey.com',
  'tutanota.com',
];

/** Mailbox names that belong to a role, not a person (info@, press@...). */
export const roleMailboxes: readonly string[] = [
  'info',
  'information',
  'contact',
  'contactus',
  'hello',
  'hi',
  'press',
  'media',
  'news',
  'publicity',
  'pr',
  'marketing',
  'events',
  'programs',
  'outreach',
  'bookings',
  'booking',
  'tickets',
  'boxoffice',
  'office',
  'admin',
  'administration',
  'support',
  'help',
  'helpdesk',
  'service',
  'services',
  'customerservice',
  'reference',
  'ask',
  'askus',
  'circulation',
  'library',
  'librarian',
  'director',
  'webmaster',
  'web',
  'editor',
  'editors',
  'submissions',
  'membership',
  'members',
  'volunteer',
  'volunteers',
  'friends',
  'foundation',
  'development',
  'donations',
  'giving',
  'rsvp',
  'registration',
  'register',
  'sales',
  'orders',
  'noreply',
  'no-reply',
  'donotreply',
  'postmaster',
  'abuse',
  'privacy',
  'legal',
  'rights',
  'permissions',
  'archives',
  'archive',
  'collections',
  'reading.room',
  'readingroom',
  'git',
];

/** Domains reserved for documentation (RFC 2606, RFC 6761): always examples. */
export const exampleDomainPatterns: readonly string[] = [
  '(?:^|\\.)example\\.(?:com|net|org|edu)$',
  '\\.(?:example|test|invalid|localhost)$',
];

/** File extensions that `name@2x.png`-style image names end in: not mail domains. */
export const fileExtensionTlds: readonly string[] = [
  'png',
  'jpg',
  'jpeg',
  'gif',
  'svg',
  'webp',
  'avif',
  'pdf',
  'mp3',
  'mp4',
  'js',
  'ts',
  'css',
  'html',
  'md',
];

/** Words near a value that say, on their own, that it belongs to a private person. */
export const strongPersonalCues: readonly string[] = [
  '\\b(?:my|his|her|their|your) (?:own |personal |private |home |cell |mobile |direct )?(?:e-?mail|address|phone|number|cell|mobile)\\b',
  '\\b(?:personal|private|home) (?:e-?mail|address|phone|number)\\b',
  '\\b(?:cell|mobile)(?: phone| number)?\\b',
  '\\b(?:call|text|email|e-mail|reach|contact|ring) (?:me|him|her)\\b',
  '\\b(?:my|his|her|their|your|our) (?:mom|mother|dad|father|wife|husband|partner|son|daughter|kids?|children|grand(?:mother|father|ma|pa|son|daughter)|neighbou?r|friend)s?\\b',
];

/** Words that point to a private person unless an organisation is named next to the value. */
export const weakPersonalCues: readonly string[] = [
  '\\bpatron(?:s|\\W?s)?\\b',
  '\\b(?:daughter|son|mom|mother|dad|father|wife|husband|neighbou?r|grand(?:mother|father|ma|pa)|friend)\\b',
  '\\b(?:lost|found|left|dropped) (?:a|an|her|his|their|this)\\b',
];

/** Words near a value that say it is an organisation's public contact. */
export const businessCues: readonly string[] = [
  '\\b(?:museum|society|cent(?:er|re)|library|office|department|dept|council|hall|theat(?:er|re)|hotline|helpline|foundation|association|college|university|school|hospital|clinic|bank|church|gallery|agency|inc|llc|company|press|publisher|publishing|bookstore|books|shop|store|cafe|restaurant|club|program|project|commission|authority|city|town|county|registry|desk|box office|front desk|reservations?|tickets?|information|headquarters|main line)\\b',
  '\\b(?:publicist|agent|spokes(?:person|woman|man)|coordinator|director|manager|curator|librarian|archivist|editor|organi[sz]er|press contact|media contact|representative|booking)\\b',
  '\\b(?:call us|email us|e-mail us|contact us|reach us|rsvp|to register|register by|for (?:more )?(?:info|information|details|tickets|questions))\\b',
];

/** Words that mark a value as a made-up example. */
export const exampleMarkers: readonly string[] = [
  '\\b(?:for example|for instance|e\\.g\\.|example|examples|sample|such as|like this|fictional|fictitious|made-up|dummy|placeholder|format)\\b',
];

/** Words before a street address that say someone lives there now. */
export const residenceCues: readonly string[] = [
  '\\b(?:lives|live|living|resides|reside|residing|is staying|stays)\\b(?: (?:now|still|currently))?(?: (?:at|on|in))?',
  '\\b(?:my|his|her|their|your|patron\\W?s|family\\W?s) (?:home|house|apartment|flat|place|address|residence)\\b',
  '\\b(?:home|mailing|residential|street) address\\b',
  '\\bresident of\\b',
  "\\bpatron(?:'s|’s)? (?:at|on)\\s*$",
  '\\b(?:moved|moving) (?:in )?to\\b',
];

/** Words after a street address that say someone lives there ("..., where she lives alone"). */
export const residenceAfterCues: readonly string[] = [
  '\\b(?:she|he|they|who) (?:lives?|resides?|is living|are living)\\b',
  '\\b(?:is|are) (?:his|her|their) (?:home|house|apartment)\\b',
];

/** Words before a number that say it is a library card. */
export const cardCues: readonly string[] = [
  '\\b(?:library )?card(?: number| no\\.?| #|#)?\\b',
  '\\bbar ?code\\b',
  '\\bpatron (?:id|number|barcode)\\b',
  '\\baccount (?:number|no\\.?|#)\\b',
];

/** Labels of a date of birth; a labelled date is a date of birth on sight. */
export const birthDateLabels: readonly string[] = [
  '\\bdate of birth\\b',
  '\\bbirth ?date\\b',
  '\\bD\\.?O\\.?B\\.?(?![A-Za-z])',
];

/** Phrases that introduce a birth date in a sentence ("born on", "birthday is"). */
export const birthDatePhrases: readonly string[] = ['\\bborn(?: on)?\\b', '\\bbirthday(?: is| was| on)?\\b'];

/** Toll-free North American area codes: always a business line. */
export const tollFreeAreaCodes: readonly string[] = ['800', '833', '844', '855', '866', '877', '888'];

/** Street types that end a street address ("42 Elm Street"). */
export const streetTypes: readonly string[] = [
  'Street',
  'St',
  'Avenue',
  'Ave',
  'Road',
  'Rd',
  'Boulevard',
  'Blvd',
  'Lane',
  'Ln',
  'Drive',
  'Dr',
  'Court',
  'Ct',
  'Place',
  'Pl',
  'Terrace',
  'Ter',
  'Way',
  'Circle',
  'Cir',
  'Parkway',
  'Pkwy',
  'Highway',
  'Hwy',
  'Square',
  'Sq',
  'Trail',
  'Row',
  'Alley',
];
