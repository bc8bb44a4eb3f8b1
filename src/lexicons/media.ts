/**
 * Data for the attribution and copyright rules: who hosts embeddable media, which hosts are stock
 * agencies, and the words that introduce a credit. Kept as data so a site can see and extend them.
 */

/** A service whose players or posts are embedded in blog posts. */
export interface EmbedProvider {
  /** How an editor knows it: "YouTube", "Vimeo"... */
  name: string;
  /** Host names (a sub-domain of one also matches). */
  hosts: string[];
  /** What one embedded item is called, for messages ("video", "photo", "post"). */
  item: string;
  /** Path of a single item, for a bare link pasted on its own line (auto-embedded by most blog engines). */
  itemPath?: RegExp;
}

export const EMBED_PROVIDERS: readonly EmbedProvider[] = [
  {
    name: 'YouTube',
    hosts: ['youtube.com', 'youtu.be', 'youtube-nocookie.com'],
    item: 'video',
    itemPath: /^\/(watch|embed\/|shorts\/|live\/|[\w-]{11}$)/,
  },
  { name: 'Vimeo', hosts: ['vimeo.com'], item: 'video', itemPath: /^\/(video\/)?\d+/ },
  {
    name: 'Flickr',
    hosts: ['flickr.com', 'flic.kr', 'staticflickr.com'],
    item: 'photo',
    itemPath: /^\/(photos|p)\//,
  },
  { name: 'Instagram', hosts: ['instagram.com'], item: 'post', itemPath: /^\/(p|reel|tv)\// },
  { name: 'SoundCloud', hosts: ['soundcloud.com'], item: 'track', itemPath: /^\/[^/]+\/[^/]+/ },
  {
    name: 'Spotify',
    hosts: ['spotify.com'],
    item: 'audio',
    itemPath: /^\/(embed\/)?(track|album|episode|show|playlist)\//,
  },
  { name: 'TikTok', hosts: ['tiktok.com'], item: 'video', itemPath: /^\/(@[^/]+\/video\/|embed\/)/ },
  { name: 'X (Twitter)', hosts: ['twitter.com', 'x.com'], item: 'post', itemPath: /^\/[^/]+\/status\/\d+/ },
  {
    name: 'Facebook',
    hosts: ['facebook.com', 'fb.watch'],
    item: 'post',
    itemPath: /\/(videos|posts|watch)\b/,
  },
  { name: 'Internet Archive', hosts: ['archive.org'], item: 'item', itemPath: /^\/(details|embed)\// },
];

/**
 * Classes of the `<blockquote>` that X/Twitter, Instagram, TikTok, Facebook, Reddit, Bluesky,
 * Mastodon and Threads put in their embed codes: these are embedded posts, not quotations.
 */
export const EMBED_BLOCKQUOTE_CLASS =
  /^(?:twitter-tweet|twitter-video|instagram-media|tiktok-embed|fb-xfbml-parse-ignore|reddit-embed-bq|bluesky-embed|mastodon-embed|text-post-media)$/;

/**
 * Stock agencies: their images are licensed per customer and per use, so a hotlinked copy is not
 * licensed to the library whatever credit it carries.
 */
export interface StockAgency {
  name: string;
  hosts: string[];
  /** Hosts of the agency that serve licensed embeds (Getty's embed player), which are allowed. */
  embedHosts?: string[];
}

export const STOCK_AGENCIES: readonly StockAgency[] = [
  {
    name: 'Getty Images',
    hosts: ['gettyimages.com', 'gettyimages.co.uk', 'gettyimages.ca', 'gettyimages.com.au'],
    embedHosts: ['embed.gettyimages.com'],
  },
  { name: 'Shutterstock', hosts: ['shutterstock.com'] },
  { name: 'Alamy', hosts: ['alamy.com'] },
  { name: 'iStock', hosts: ['istockphoto.com'] },
  { name: 'Adobe Stock', hosts: ['stock.adobe.com', 'ftcdn.net'] },
  { name: 'Dreamstime', hosts: ['dreamstime.com'] },
  { name: '123RF', hosts: ['123rf.com'] },
  { name: 'Depositphotos', hosts: ['depositphotos.com'] },
];

/**
 * Words that introduce a credit line, as regular-expression sources (matched case-insensitively,
 * whole words). A credit is one of these followed by a name; `namePattern` says what may follow.
 */
export interface CreditCue {
  pattern: string;
  /** What the name after the cue must start with (default: any letter or digit). */
  name?: 'capital';
  /**
   * The cue must open a line, a sentence or a bracket ("Photo: ...", "(Source: ...)"): used for
   * colon forms, which prose also uses ("this is not a credit: ...").
   */
  opensLine?: boolean;
}

const MEDIA_NOUNS =
  '(?:photo(?:graph)?s?|images?|pictures?|illustrations?|drawings?|artwork|art|maps?|posters?|graphics?|screenshots?|cover art|video|footage|audio|recording|animation|gif|design|banner|logo|header|cover)';

export const CREDIT_CUES: readonly CreditCue[] = [
  { pattern: `${MEDIA_NOUNS}\\s+(?:by|from)` },
  { pattern: `${MEDIA_NOUNS}\\s*[:\\u2014\\u2013]`, opensLine: true },
  {
    pattern:
      '(?:photo(?:graphed)?|taken|shot|filmed|recorded|drawn|painted|illustrated|designed|created|made|produced|uploaded|shared|posted|published)\\s+by',
  },
  { pattern: '(?:photo |image |picture |media )?credits?\\s*(?::|to\\b)?', opensLine: true },
  { pattern: 'courtesy(?:\\s+of)?' },
  { pattern: 'sources?\\s*:', opensLine: true },
  { pattern: 'via', name: 'capital' },
  { pattern: 'from the (?:collections?|archives?|holdings) of' },
  { pattern: '\\u00a9' },
  { pattern: '\\(c\\)', name: 'capital' },
  { pattern: 'copyright', name: 'capital' },
  { pattern: 'attribution\\s*:', opensLine: true },
];

/** A Creative Commons licence named in a text ("CC BY-NC 2.0", "Creative Commons Attribution-NoDerivs"). */
export const CC_LICENCE =
  /(?<![\p{L}\p{N}])(?:CC[\s-]?(?:BY(?:[\s-](?:NC|ND|SA)){0,2}|0|Zero)(?:[\s-]+\d\.\d)?|Creative\s+Commons(?:\s+(?:Attribution|Zero)(?:[\s-]+(?:Non-?Commercial|No-?Deriv(?:ative)?s?|Share-?Alike))*(?:\s+\d\.\d)?)?(?:\s+licen[cs]e)?)(?![\p{L}\p{N}])/iu;

/** Elements of a licence that restrict use: non-commercial and no derivatives. */
export const CC_NON_COMMERCIAL = /\bNC\b|Non-?Commercial/i;
export const CC_NO_DERIVATIVES = /\bND\b|No-?Deriv/i;

/** Where licences live: a link here is a licence link. */
export const LICENCE_HOSTS = ['creativecommons.org'];

/**
 * Embedded pages that are services rather than someone's creative work (maps, forms, calendars):
 * an iframe of these needs no credit.
 */
export const SERVICE_EMBED_HOSTS: readonly string[] = [
  'google.com/maps',
  'maps.google.com',
  'docs.google.com/forms',
  'forms.gle',
  'calendar.google.com',
  'openstreetmap.org',
  'libcal.com',
  'libguides.com',
  'springshare.com',
  'eventbrite.com',
  'surveymonkey.com',
  'typeform.com',
  'jotform.com',
  'airtable.com',
];

/** Words in a credit saying the post changed the work, which a -ND licence forbids. */
export const EDITED_WORK =
  /\b(?:cropped|edited|adapted|modified|altered|remix(?:ed)?|colou?ri[sz]ed|retouched|collage)\b/i;

/** Words saying the post sells something with the work, which a -NC licence forbids. */
export const COMMERCIAL_USE =
  /\b(?:for sale|on sale|buy (?:now|it|one|yours)|order (?:now|yours|online)|merchandise|tote bags?|t-shirts?|prints? for sale)\b/i;

/** Words that say a work may be reproduced whole: it is in the public domain, or used with permission. */
export const REPRODUCTION_ALLOWED =
  /\b(?:public[\s-]domain|no known copyright|reprinted with (?:the )?(?:kind )?permission|(?:used|shared|published|posted|reproduced) with (?:the )?(?:kind )?(?:permission|consent)|with (?:the )?(?:author|poet|artist|songwriter|composer)['’]s permission|CC0|licensed under (?:a )?Creative Commons)\b/i;

/** Words near a block of verse that say it is a song. */
export const LYRIC_CUES =
  /\b(?:lyrics|chorus|refrain|verse \d|sing[- ]along|song|hymn|anthem|ballad|singer|songwriter|\[(?:chorus|verse|bridge|hook|intro|outro)[^\]]*\])/i;

/** Words near a block of verse that say it is a poem. */
export const POEM_CUES = /\b(?:poem|poems|poet|poetry|stanzas?|verses|sonnet|haiku|ode|elegy|limerick)\b/i;
