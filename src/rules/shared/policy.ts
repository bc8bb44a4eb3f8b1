/**
 * The clauses of the library's social media policy that rules enforce, quoted word for word,
 * with the section an editor can find them under.
 */
export interface PolicyClause {
  section: string;
  text: string;
}

export const POLICY = {
  attribution: {
    section: 'Attribution',
    text: 'When quoting another blog or publication, be sure to link to the original. When using images or other media found elsewhere on the web, attribute credit to the author or creator via hyperlink when possible, and text when not possible.',
  },
  professional: {
    section: 'Library Sponsored Social Media',
    text: 'These representatives should present content in a professional manner, including but not limited to the following: checking facts, citing sources, avoiding copyright infringement, presenting balanced views, acknowledging and correcting errors, and checking grammar and spelling before posting.',
  },
  accessControls: {
    section: 'Library Sponsored Social Media',
    text: 'Employees who manage Worcester Public Library social media accounts are responsible for ensuring that passwords and other access controls are of adequate strength and kept secure.',
  },
  ownViews: {
    section: 'Employee Personal Use of Social Media, item 1',
    text: 'If you identify yourself as a library employee, make it clear that the views expressed are yours alone, and do not represent the views of the library',
  },
  spokesperson: {
    section: 'Employee Personal Use of Social Media, item 2',
    text: 'You should never represent yourself as a spokesperson for the library unless you are designated a spokesperson for the library.',
  },
  confidential: {
    section: 'Employee Personal Use of Social Media, item 3',
    text: 'Do not share confidential or proprietary information, or anything that is still in draft form.',
  },
  patronRemarks: {
    section: 'Employee Personal Use of Social Media, item 4',
    text: 'Do not make any negative, mocking, condescending, or inappropriate comments about patrons, specific questions from patrons, or about patron behavior on the library’s social media sites.',
  },
  privacy: {
    section: 'Employee Personal Use of Social Media, item 7',
    text: 'Before posting you should remember that despite privacy policies, you cannot always be sure who will view, share, or archive your posts.',
  },
  harassment: {
    section: 'Employee Personal Use of Social Media, item 9',
    text: 'Postings that include discriminatory remarks, harassment, and threats of violence or similar unlawful conduct will not be tolerated.',
  },
  obscenity: { section: 'Posting on Social Media, item 1', text: 'Obscenity or pornography.' },
  discrimination: {
    section: 'Posting on Social Media, item 2',
    text: 'Content that promotes, fosters, or perpetuates discrimination and/or harassment on the basis of race, creed, color, age, gender, marital status, religion, national origin, physical or mental disability, sexual orientation, ancestry, or other protected category.',
  },
  defamation: {
    section: 'Posting on Social Media, item 3',
    text: 'Slanderous, libelous, threatening or defamatory statements.',
  },
  copyright: { section: 'Posting on Social Media, item 4', text: 'Copyrighted or trademarked materials.' },
  spam: { section: 'Posting on Social Media, item 5', text: 'Spam.' },
  offTopic: {
    section: 'Posting on Social Media, item 6',
    text: 'Content not related to library business, programs, events, resources, and materials.',
  },
  advertising: {
    section: 'Posting on Social Media, item 7',
    text: 'Advertising or sale of merchandise or services.',
  },
  solicitation: {
    section: 'Posting on Social Media, item 8',
    text: 'Charitable solicitations or political campaigning.',
  },
} satisfies Record<string, PolicyClause>;
