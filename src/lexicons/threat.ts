import type { HarmEntry } from './harm.js';

/** "I", "we", with a future, intention or conditional: who makes a threat. */
const SPEAKER =
  "(?:i|we)(?:'ll|’ll| will| shall|'m going to|’m going to| am going to|'re going to|’re going to| are going to|'m gonna|’m gonna| am gonna| gonna|'d|’d| would| could| want to| wanna)(?: (?:really|totally|personally|definitely|just|happily|gladly|make sure to|be sure to|go and))?";

/** People a threat can be aimed at (names too, as capitalised words after the verb). */
const TARGET =
  "(?:you|ya|him|her|them|y'all|you all|every(?:one|body)(?: here)?|some(?:one|body)|any(?:one|body)|that (?:guy|woman|man|lady|clerk|librarian|director)|the (?:next |first |last |new )?(?:person|people|guy|one|woman|man|idiot|kid|kids|children|patrons?|mayor|councilor|councillor|director|librarians?|board|trustees?|staff|manager|clerk|guard)|all of (?:you|them))";

const HARM_VERBS =
  'kill|murder|shoot|stab|strangle|choke|hurt|punch|slap|smash|knife|gut|lynch|hang|torch|execute|end|break|beat (?:the (?:hell|crap|shit) out of|up)';

/** What after the target turns the verb into an ordinary phrase ("shoot her an email", "hurt her feelings"). */
const NOT_A_THREAT =
  '(?! (?:an? (?:email|e-mail|message|note|text|line|photo|picture|question)|feelings|chances|career|reputation|pride|ego|with kindness|at (?:trivia|chess|scrabble|the (?:quiz|game|contest|competition|tournament)))\\b)';

/** Violence aimed at a place. */
const PLACES =
  '(?:the|this|that|your|their|our) (?:library|libraries|building|branch|place|office|city hall|school|meeting|board meeting)';

export const THREATS: HarmEntry[] = [
  {
    pattern: `${SPEAKER} (?:(?:${HARM_VERBS}) ${TARGET}${NOT_A_THREAT}|(?:break|snap|smash|bash|cave|kick|punch) (?:in )?(?:your|his|her|their|y'all's|that \\w+(?:'s|’s)|the \\w+(?:'s|’s)) (?:legs?|arms?|necks?|faces?|jaws?|nose|noses|fingers|skulls?|teeth|heads?)|put a bullet (?:in|through) ${TARGET})`,
    category: 'violence',
    message:
      'This sentence threatens violence ("{match}"). Remove it: threats are never allowed, even as a joke or on a condition.',
    note: 'A speaker (I, we) with a future or intention, a violent verb and a person as its object.',
    source: 'This project, after the policy (Posting on Social Media, item 3; Employee use, item 9)',
  },
  {
    pattern: `${SPEAKER} (?:burn|torch|blow up|bomb|shoot up|firebomb|wreck|trash) ${PLACES}(?: down)?|${SPEAKER} (?:burn|torch) (?:it|the place) down`,
    category: 'violence',
    message:
      'This sentence threatens violence against a place ("{match}"). Remove it: threats are never allowed, even as a joke.',
    note: 'Arson, bombing or shooting aimed at a building.',
    source: 'This project',
  },
  {
    pattern:
      "(?:make sure|see to it that|promise) (?:some(?:one|body)|any(?:one|body)|people|you|he|she|they|the \\w+) (?:gets?|get) hurt|(?:some(?:one|body)|people) (?:is|are|will|is going to|are going to|'s going to|’s going to|gonna) (?:get|be) (?:hurt|killed|shot)",
    category: 'violence',
    message:
      'This sentence says someone will get hurt ("{match}"). Remove it: that is a threat of violence, conditional or not.',
    note: 'The conditional threat of the issue: "if they cut our hours I will make sure somebody gets hurt".',
    source: 'This project',
  },
  {
    pattern:
      '\\w+ (?:(?:deserves? to|should|ought to|must|needs? to) (?:die|be (?:killed|hanged|hung|lynched|beaten|strung up))|deserves? (?:to be (?:shot|hurt|dead)|a bullet|to rot))|(?:some(?:one|body)|people) (?:should|ought to|needs? to) (?:shoot|kill|hurt|beat up|punch|hang|lynch|stab|put a bullet (?:in|through))',
    category: 'incitement',
    message:
      'This sentence calls for violence against someone ("{match}"). Remove it: incitement is a threat of violence.',
    note: 'Wishing or urging harm on a person. Left alone in story summaries and history ("the spy must be hanged at dawn").',
    source: 'This project',
  },
  {
    pattern:
      "(?:i|we) know where (?:you|he|she|they) (?:live|lives|work|works|park)|you(?:'re|’re| are) (?:so |already )?dead(?: meat)?(?! (?:set|wrong|right|on|serious|tired|last)\\b)|you(?:'re|’re| are) going to die|bring(?:ing)? (?:a|my|our) (?:gun|knife|weapon|rifle)s? to (?:the|this|your)",
    category: 'violence',
    message: 'This sentence is a threat ("{match}"). Remove it: threats of violence are never allowed.',
    note: 'Stock threats and intimidation.',
    source: 'This project',
  },
  {
    pattern:
      "you(?:'ll|’ll| will| are going to|'re going to|’re going to) (?:regret (?:it|this)|be sorry|pay for (?:this|it|that))|watch your back|(?:you(?:'ve|’ve| have) been|consider yourselfs?) warned|or else(?=[.!]|$)",
    category: 'intimidation',
    severity: 'warning',
    message:
      'This sentence may read as a veiled threat ("{match}"). Reword it: say plainly what you disagree with, without menace.',
    note: 'Veiled threats: a reviewer has to weigh the context.',
    source: 'This project',
  },
];

/** Cues that a passage recounts history or a trial, where "must be hanged" reports a sentence. */
export const HISTORY_CUES =
  '\\b(?:1[0-9]{3}s?|century|war|history|historical|historians?|trial|sentenced|verdict|court|executed|colonial|medieval|revolution)\\b';

/** Words every threat pattern contains: blocks without any are skipped cheaply. */
export const THREAT_TRIGGERS =
  '\\b(?:kill|murder|shoot|stab|strangle|choke|hurt|punch|slap|smash|knife|gut|lynch|hang|torch|execute|end|break|snap|bash|cave|kick|beat|burn|bomb|blow|firebomb|wreck|trash|die|dead|shot|hung|strung|bullet|rot|live|lives|work|works|park|gun|knife|weapon|rifle|regret|sorry|pay|back|warned|else)';
