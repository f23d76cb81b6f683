// The section types by name, apart from the schema: error messages need the names, and loading
// zod for them would slow `newsletter --help` several times over.
export const SECTION_TYPE_NAMES = ['welcome', 'in-this-issue', 'article', 'regional-links', 'recruitment', 'published-reviews', 'stakeholder-news', 'have-your-say'] as const;
