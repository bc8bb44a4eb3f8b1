// Generates deterministic library sites for the benchmark: realistic posts with front matter,
// headings, lists, quotes, images with and without credits, embeds, tables, links and a few
// injected problems. The same seed and size always give byte-identical files.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Small, fast, seedable PRNG (mulberry32): the generator must not depend on Math.random. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const pick = <T>(rand: Random, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const between = (rand: Random, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const TOPICS = [
  'Summer Reading Challenge',
  'Local History Room',
  'Seed Library',
  'Homework Help',
  'Makerspace',
  'Adult Literacy Tutoring',
  'Story Time',
  'Genealogy Workshop',
  'Author Visit',
  'Book Club',
  'Tech Help Hours',
  'Job Search Lab',
  'Teen Advisory Board',
  'Oral History Project',
  'Museum Passes',
  'Digital Archive',
];
const BRANCHES = ['Central', 'Eastside', 'Riverside', 'Maple Street', 'Northgate', 'Harbor'];
const AUTHORS = ['Dana Whitfield', 'Luis Ortega', 'Priya Raman', 'Sam Okafor', 'Mei Chen', 'Jordan Blake'];
const TAGS = ['events', 'kids', 'teens', 'adults', 'history', 'technology', 'reading', 'community'];
const SENTENCES = [
  'Our librarians have put together a list of favourites for every age group.',
  'Registration opens on the first Monday of the month at every branch.',
  'The program is free, and no library card is needed to attend.',
  'Volunteers from the neighbourhood helped us sort more than four hundred donated books.',
  'Families can pick up activity kits at the information desk while supplies last.',
  'The collection includes maps, photographs and letters donated by local families.',
  'Each session ends with time for questions and a short tour of the stacks.',
  'We partnered with the county historical society to digitize fragile records.',
  'Patrons told us they wanted more evening hours, so we listened.',
  'The makerspace has two new 3D printers and a sewing machine you can reserve.',
  'Bring your own laptop or borrow one of ours for the afternoon.',
  'Large-print and audio editions of this month’s book club pick are on hold shelves now.',
  'Children who read twenty books over the summer earn a free book of their choice.',
  'The reading room will be closed for carpet cleaning on Tuesday morning.',
  'Staff recommendations are marked with a green card on the new books shelf.',
  'Our tutors meet learners one to one, at a pace that suits them.',
  'The exhibit runs through the end of the season in the second-floor gallery.',
  'Thank you to everyone who filled out our community survey this spring.',
  'Seeds are available to borrow, and we ask that you return some from your harvest.',
  'You can reserve a study room online up to two weeks in advance.',
];
const QUOTES = [
  ['A library is not a luxury but one of the necessities of life.', 'https://example.org/quotes/beecher'],
  ['Reading is to the mind what exercise is to the body.', 'https://example.org/quotes/steele'],
  ['The only thing that you absolutely have to know is the location of the library.', ''],
  ['Libraries store the energy that fuels the imagination.', 'https://example.org/quotes/sagan'],
] as const;
const EXTERNAL = [
  'https://www.loc.gov/programs/',
  'https://www.ala.org/advocacy',
  'https://archive.org/details/texts',
  'https://www.gutenberg.org/ebooks/',
  'https://example.org/community/calendar',
  'https://www.nps.gov/subjects/',
];
/** A few of each kind of problem, placed so every rule family has real work to report. */
const INJECTED = [
  'TODO: confirm the date with the branch manager before this goes out.',
  'This section is internal only and should not be shared outside staff.',
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit.',
  'For questions email jane.patron@gmail.com or call 555-201-3344.',
  'The recieve date for holds has changed, so please check you account.',
  'Use the staff password hunter2 to log in to the kiosk.',
];

function paragraph(rand: Random): string {
  const n = between(rand, 2, 5);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(rand, SENTENCES));
  if (rand() < 0.3) out.push(`Read more on [our events page](/events/${between(rand, 1, 41)}.md).`);
  if (rand() < 0.25) out.push(`See also [${pick(rand, TOPICS)}](${pick(rand, EXTERNAL)}).`);
  if (rand() < 0.15) out.push('Ask at the desk about `ILL` requests or the **Libby** app.');
  return out.join(' ');
}

function image(rand: Random, n: number): string {
  const file = `/assets/images/photo-${n % 50}.jpg`;
  const alt = rand() < 0.9 ? `Patrons at the ${pick(rand, BRANCHES)} branch` : '';
  const lines = [`![${alt}](${file})`];
  if (rand() < 0.8)
    lines.push('', `Photo: [${pick(rand, AUTHORS)}](https://example.org/photographers/${n % 9})`);
  return lines.join('\n');
}

function embed(rand: Random): string {
  const id = Math.floor(rand() * 1e9).toString(36);
  const frame = `<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/${id}" title="Library video" allowfullscreen></iframe>`;
  return rand() < 0.7 ? `${frame}\n\nVideo: [Friends of the Library](https://example.org/friends)` : frame;
}

function table(rand: Random): string {
  const rows = ['| Day | Time | Branch |', '| --- | --- | --- |'];
  for (let i = 0; i < between(rand, 2, 6); i++) {
    rows.push(
      `| ${pick(rand, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Saturday'])} | ${between(rand, 9, 17)}:00 | ${pick(rand, BRANCHES)} |`,
    );
  }
  return rows.join('\n');
}

function list(rand: Random): string {
  const ordered = rand() < 0.3;
  const items: string[] = [];
  for (let i = 0; i < between(rand, 3, 7); i++) {
    items.push(`${ordered ? `${i + 1}.` : '-'} ${pick(rand, SENTENCES)}`);
  }
  return items.join('\n');
}

function quote(rand: Random): string {
  const [text, source] = pick(rand, QUOTES);
  return source ? `> ${text}\n>\n> — [source](${source})` : `> ${text}`;
}

/** One post; index picks its date, topic and which problems (if any) it carries. */
export function post(index: number, seed = 1): { path: string; text: string } {
  const rand = prng(seed * 1_000_003 + index);
  const topic = pick(rand, TOPICS);
  const year = 2015 + (index % 11);
  const month = String(1 + (index % 12)).padStart(2, '0');
  const slug = `${topic.toLowerCase().replace(/[^a-z]+/g, '-')}-${index}`;
  const fm = [
    '---',
    `title: "${topic} at the ${pick(rand, BRANCHES)} Branch"`,
    `date: ${year}-${month}-${String(1 + (index % 28)).padStart(2, '0')}`,
    `author: ${pick(rand, AUTHORS)}`,
    `tags: [${pick(rand, TAGS)}, ${pick(rand, TAGS)}]`,
    `description: ${pick(rand, SENTENCES)}`,
    '---',
  ];
  const blocks: string[] = [paragraph(rand)];
  const sections = between(rand, 2, 5);
  for (let s = 0; s < sections; s++) {
    blocks.push(`## ${pick(rand, ['What to expect', 'How to join', 'Highlights', 'Schedule', 'Thanks'])}`);
    blocks.push(paragraph(rand));
    const r = rand();
    if (r < 0.25) blocks.push(list(rand));
    else if (r < 0.4) blocks.push(table(rand));
    else if (r < 0.55) blocks.push(image(rand, index + s));
    else if (r < 0.63) blocks.push(quote(rand));
    else if (r < 0.68) blocks.push(embed(rand));
    if (rand() < 0.5) blocks.push(paragraph(rand));
  }
  // About one post in eight carries an injected problem.
  if (index % 8 === 3)
    blocks.splice(1 + (index % blocks.length), 0, INJECTED[index % INJECTED.length] as string);
  const text = `${fm.join('\n')}\n\n${blocks.join('\n\n')}\n`;
  return { path: `posts/${year}/${month}/${slug}.md`, text };
}

export interface GeneratedSite {
  dir: string;
  posts: number;
  bytes: number;
}

/** Event pages that posts link to; they count towards the site's size. */
const EVENT_PAGES = 40;

/** Writes a site of `count` posts (plus the images and event pages they link to) into `dir`. */
export function generateSite(dir: string, count: number, seed = 1): GeneratedSite {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'assets', 'images'), { recursive: true });
  mkdirSync(join(dir, 'events'), { recursive: true });
  // Images 0..44 exist; 45..49 are missing on purpose (broken relative links).
  for (let i = 0; i < 45; i++) writeFileSync(join(dir, 'assets', 'images', `photo-${i}.jpg`), 'jpg');
  let bytes = 0;
  for (let i = 1; i <= EVENT_PAGES; i++) {
    const text = `---\ntitle: Event ${i}\n---\n\n# Event ${i}\n\n${SENTENCES[i % SENTENCES.length]}\n`;
    writeFileSync(join(dir, 'events', `${i}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  for (let i = 0; i < count - EVENT_PAGES; i++) {
    const { path, text } = post(i, seed);
    const full = join(dir, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, posts: count, bytes };
}
