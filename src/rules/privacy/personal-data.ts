import { z } from 'zod';
import { type Document, frontMatterValueSpan, PROSE_FRONT_MATTER_FIELDS } from '../../core/document.js';
import { optionsOf } from '../../core/options.js';
import type { Rule, RuleReport } from '../../core/rule.js';
import type { Severity } from '../../core/types.js';
import {
  birthDateLabels,
  birthDatePhrases,
  businessCues,
  cardCues,
  exampleDomainPatterns,
  exampleMarkers,
  fileExtensionTlds,
  freeMailDomains,
  residenceAfterCues,
  residenceCues,
  roleMailboxes,
  streetTypes,
  strongPersonalCues,
  tollFreeAreaCodes,
  weakPersonalCues,
} from '../../lexicons/privacy.js';
import { anyOf, around, inRanges, urlRanges, withoutOverlaps } from '../shared/context.js';
import { maskAddress, maskDate, maskEmail, maskNumber, maskPhone } from '../shared/masking.js';
import { POLICY } from '../shared/policy.js';

/** The default library card: a 14-digit barcode, written solid or grouped 1-4-5-4 as printed. */
const DEFAULT_CARD_PATTERN = '\\d{14}|\\d[ -]\\d{4}[ -]\\d{5}[ -]\\d{4}';

const optionsSchema = z.strictObject({
  cardPattern: z
    .string()
    .default(DEFAULT_CARD_PATTERN)
    .refine(isRegex, { message: 'must be a valid regular expression' })
    .describe("A regular expression for the library's card barcodes (default: 14 digits)."),
  allow: z
    .array(z.string())
    .default([])
    .describe('Email addresses and phone numbers cleared for publication (a guest author who agreed).'),
});

type Options = z.output<typeof optionsSchema>;

interface State {
  options: Options;
  card: RegExp;
  orgDomains: string[];
  orgPhones: Set<string>;
  allowEmails: Set<string>;
  allowPhones: Set<string>;
}

const EMAIL = /(?<![\w.%+-])[A-Za-z0-9][\w.%+-]{0,63}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![\w-])/g;
const NANP_PHONE = /(?<![\w+/.-])(?:\+?1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w/-]|\.\d)/g;
const INTL_PHONE = /(?<![\w+/.-])\+[2-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,5}(?![\w/-]|\.\d)/g;
const STREET_TYPES = streetTypes.join('|');
const ADDRESS = new RegExp(
  `(?<![\\w#$.,-])\\d{1,5}[A-Za-z]?(?:-\\d{1,4})?\\s+(?:(?:[NSEW]|North|South|East|West)\\.?\\s+)?(?:(?:[A-Z][A-Za-z'’-]*|\\d{1,3}(?:st|nd|rd|th))\\.?\\s+){1,3}(?:${STREET_TYPES})\\b\\.?(?<unit>,?\\s*(?:Apt|Apartment|Unit|#)\\.?\\s*[\\w-]{1,5}\\b)?`,
  'g',
);
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+\\d{4}|\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2})`;
const LABELLED_BIRTH_DATE = new RegExp(
  `(?:${birthDateLabels.join('|')})\\s*(?:[:=–—-]|is|was|of)?\\s*[*_]*(?<date>${DATE})`,
  'gi',
);
const PHRASED_BIRTH_DATE = new RegExp(
  `(?:${birthDatePhrases.join('|')})\\s*(?:[:–—-])?\\s*(?<date>${DATE})`,
  'gi',
);

const PERSONAL = anyOf(strongPersonalCues);
const PERSON = anyOf(weakPersonalCues);
const BUSINESS = anyOf(businessCues);
const EXAMPLE = anyOf(exampleMarkers);
const RESIDENCE = anyOf(residenceCues);
const RESIDENCE_AFTER = anyOf(residenceAfterCues);
const CARD_CUE = anyOf(cardCues);
const EXAMPLE_DOMAIN = anyOf(exampleDomainPatterns);
const FILE_TLDS = new Set(fileExtensionTlds);
const FREE_MAIL = new Set(freeMailDomains);
const ROLE_MAILBOX = new Set(roleMailboxes);
const TOLL_FREE = new Set(tollFreeAreaCodes);
/** Numbers that an ISBN, ISSN or catalogue label introduces are not phones or cards. */
const IDENTIFIER_LABEL =
  /\b(?:ISBN|ISSN|OCLC|LCCN|DOI|ARK|accession|call number|item|box|folder|record)\W{0,4}$/i;

/** What the editor is told to do, appended to every finding. */
const REMEDY = 'Remove it, or publish it only with the written consent of the person it belongs to.';

export const personalDataRule: Rule<State> = {
  meta: {
    id: 'privacy/personal-data',
    options: optionsSchema,
    policy: POLICY.privacy.section,
    clause: POLICY.privacy.text,
    defaultSeverity: 'error',
    description:
      "A private person's email address, phone number, home address, date of birth or library card number. The library's own contacts (`organization.domains`, `organization.phones`), role mailboxes (info@, press@), toll-free and organisations' numbers, and marked documentation examples are left alone.",
    severityReason:
      'A free-mail address, a labelled date of birth, a card number or a home address is personal data on sight (error). A number or address whose owner the words around it do not settle is a warning: an editor decides whether it is a person or a business.',
  },
  setup(run) {
    const options = optionsOf(optionsSchema, run.options('privacy/personal-data'));
    const allow = options.allow.map((v) => v.trim().toLowerCase());
    return {
      options,
      card: new RegExp(`(?<![\\d.,/-])(?:${options.cardPattern})(?![\\d/-]|[.,]\\d)`, 'g'),
      orgDomains: run.config.organization.domains.map((d) => d.trim().toLowerCase().replace(/^@/, '')),
      orgPhones: new Set(run.config.organization.phones.map(phoneKey)),
      allowEmails: new Set(allow.filter((v) => v.includes('@'))),
      allowPhones: new Set(allow.filter((v) => !v.includes('@')).map(phoneKey)),
    };
  },
  check(doc, ctx) {
    const { source } = doc;
    const urls = urlRanges(source);
    const found: RuleReport[] = [];
    for (const [from, to] of scannedRegions(doc)) {
      const text = source.slice(from, to);
      const detectors = [emails, phones, addresses, birthDates, cards];
      for (const detect of detectors) {
        for (const report of detect(source, text, from, urls, ctx.state)) found.push(report);
      }
    }
    for (const report of withoutOverlaps(found)) ctx.report(report);
  },
};

/** The body of the post and the front-matter fields readers see (title, description...). */
function scannedRegions(doc: Document): [number, number][] {
  const fm = doc.frontMatter;
  const bodyStart = fm ? (fm.node.position?.end.offset ?? 0) : 0;
  const regions: [number, number][] = [[bodyStart, doc.source.length]];
  if (fm && !fm.error) {
    for (const field of PROSE_FRONT_MATTER_FIELDS) {
      const span = frontMatterValueSpan(fm, [field]);
      if (span) regions.push(span);
    }
  }
  return regions;
}

type Detector = (
  source: string,
  text: string,
  offset: number,
  urls: [number, number][],
  state: State,
) => RuleReport[];

function finding(start: number, end: number, message: string, severity: Severity): RuleReport {
  return {
    start,
    end,
    message: `${message} ${REMEDY}`,
    ...(severity === 'error' ? {} : { severity }),
  };
}

const emails: Detector = (source, text, offset, urls, state) => {
  const out: RuleReport[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const start = offset + (m.index ?? 0);
    const end = start + m[0].length;
    const email = m[0].toLowerCase();
    const [mailbox = '', domain = ''] = splitEmail(email);
    if (inRanges(urls, start, end) || FILE_TLDS.has(domain.split('.').pop() ?? '')) continue;
    if (state.allowEmails.has(email) || EXAMPLE_DOMAIN.test(domain)) continue;
    if (state.orgDomains.some((d) => domain === d || domain.endsWith(`.${d}`))) continue;
    const { before, after } = around(source, start, end);
    const sentence = `${before} ${after}`;
    const masked = maskEmail(m[0]);
    const freeMail = FREE_MAIL.has(domain);
    const named = BUSINESS.test(before.slice(-100)) || BUSINESS.test(after.slice(0, 40));
    if (!PERSONAL.test(sentence)) {
      if (!freeMail && isRoleMailbox(mailbox)) continue;
      if (named && !freeMail) continue;
    }
    if (PERSONAL.test(sentence) || (!named && (freeMail || PERSON.test(sentence)))) {
      out.push(finding(start, end, `This is a private person's email address (${masked}).`, 'error'));
    } else if (freeMail) {
      out.push(
        finding(
          start,
          end,
          `This personal mailbox (${masked}) is given as a contact. If it is a person's own address rather than an organisation's, it must not be published.`,
          'warning',
        ),
      );
    } else {
      out.push(
        finding(
          start,
          end,
          `This email address (${masked}) names a person. If it is not a public business contact, it is personal data.`,
          'warning',
        ),
      );
    }
  }
  return out;
};

const phones: Detector = (source, text, offset, urls, state) => {
  const out: RuleReport[] = [];
  for (const pattern of [NANP_PHONE, INTL_PHONE]) {
    for (const m of text.matchAll(pattern)) {
      const start = offset + (m.index ?? 0);
      const end = start + m[0].length;
      const key = phoneKey(m[0]);
      if (key.length < 8 || key.length > 15 || inRanges(urls, start, end)) continue;
      if (state.orgPhones.has(key) || state.allowPhones.has(key)) continue;
      const { before, after } = around(source, start, end);
      if (IDENTIFIER_LABEL.test(before)) continue;
      if (key.length === 10 && TOLL_FREE.has(key.slice(0, 3))) continue;
      const masked = maskPhone(m[0]);
      if (isFictionalNumber(key)) {
        if (EXAMPLE.test(`${before} ${after}`)) continue;
        out.push(
          finding(
            start,
            end,
            `This phone number (${masked}) is in the range kept for examples, but nothing says it is one. Say "for example" next to it if it is an example.`,
            'warning',
          ),
        );
        continue;
      }
      const sentence = `${before} ${after}`;
      const named = BUSINESS.test(before.slice(-100)) || BUSINESS.test(after.slice(0, 40));
      if (PERSONAL.test(sentence) || (!named && PERSON.test(sentence))) {
        out.push(finding(start, end, `This is a private person's phone number (${masked}).`, 'error'));
      } else if (!named) {
        out.push(
          finding(
            start,
            end,
            `This phone number (${masked}) is not one of the library's (config organization.phones), and nothing around it says whose it is. If it is a private person's, it is personal data; if it is an organisation's, name the organisation next to it.`,
            'warning',
          ),
        );
      }
    }
  }
  return out;
};

const addresses: Detector = (source, text, offset) => {
  const out: RuleReport[] = [];
  for (const m of text.matchAll(ADDRESS)) {
    const start = offset + (m.index ?? 0);
    const end = start + m[0].length;
    const { before, after } = around(source, start, end);
    const masked = maskAddress(m[0], streetTypes);
    if (RESIDENCE.test(before.slice(-80)) || RESIDENCE_AFTER.test(after.slice(0, 80))) {
      out.push(finding(start, end, `This is the home address of a private person (${masked}).`, 'error'));
    } else if (m.groups?.unit && !BUSINESS.test(before.slice(-80))) {
      out.push(
        finding(
          start,
          end,
          `This address (${masked}) has an apartment number, so it is probably someone's home.`,
          'warning',
        ),
      );
    }
  }
  return out;
};

const birthDates: Detector = (source, text, offset) => {
  const out: RuleReport[] = [];
  const seen = new Set<number>();
  for (const m of text.matchAll(LABELLED_BIRTH_DATE)) {
    const date = m.groups?.date ?? '';
    const start = offset + (m.index ?? 0) + m[0].length - date.length;
    seen.add(start);
    out.push(
      finding(start, start + date.length, `This is a person's date of birth (${maskDate(date)}).`, 'error'),
    );
  }
  const recent = new Date().getUTCFullYear() - 100;
  for (const m of text.matchAll(PHRASED_BIRTH_DATE)) {
    const date = m.groups?.date ?? '';
    const start = offset + (m.index ?? 0) + m[0].length - date.length;
    if (seen.has(start) || yearOf(date) < recent) continue;
    const { before } = around(source, start, start + date.length);
    if (EXAMPLE.test(before)) continue;
    out.push(
      finding(
        start,
        start + date.length,
        `This looks like the full date of birth of someone who may be living (${maskDate(date)}). Leave it out unless the person is a public figure.`,
        'warning',
      ),
    );
  }
  return out;
};

const cards: Detector = (source, text, offset, urls, state) => {
  const out: RuleReport[] = [];
  for (const m of text.matchAll(state.card)) {
    const start = offset + (m.index ?? 0);
    const end = start + m[0].length;
    if (!m[0] || inRanges(urls, start, end)) continue;
    const { before } = around(source, start, end);
    if (IDENTIFIER_LABEL.test(before)) continue;
    const masked = maskNumber(m[0]);
    if (CARD_CUE.test(before.slice(-60))) {
      out.push(finding(start, end, `This is a library card number (${masked}).`, 'error'));
    } else {
      out.push(
        finding(
          start,
          end,
          `This number (${masked}) has the form of a library card barcode. If it is one, it identifies a patron.`,
          'warning',
        ),
      );
    }
  }
  return out;
};

function splitEmail(email: string): [string, string] {
  const at = email.lastIndexOf('@');
  return [email.slice(0, at), email.slice(at + 1)];
}

function isRoleMailbox(mailbox: string): boolean {
  const base = mailbox.split('+')[0] ?? mailbox;
  return ROLE_MAILBOX.has(base) || ROLE_MAILBOX.has(base.replace(/[._-]?\d+$/, ''));
}

/** A phone number's digits without a North American country code, for comparing numbers. */
function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/** 555-0100 to 555-0199 are reserved for fiction and documentation in North America. */
function isFictionalNumber(key: string): boolean {
  return key.length === 10 && key.slice(3, 6) === '555' && key.slice(6, 8) === '01';
}

function yearOf(date: string): number {
  const four = /\d{4}/.exec(date);
  if (four) return Number(four[0]);
  const two = /(\d{2})$/.exec(date);
  if (!two) return 0;
  const century = new Date().getUTCFullYear() % 100 >= Number(two[1]) ? 2000 : 1900;
  return century + Number(two[1]);
}

function isRegex(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
