export { blockquote, escapeInline, escapeProse, escapeLine, escapeParagraphs, obsidianTag, urlText } from './escape';
export { frontMatter, type FrontMatterValue } from './frontmatter';
export { attribution, attributionParts, crossReferenceMarkdown, Footnotes, quoteMarkdown, sourceCitation } from './citations';
export * from './model';
export { sourceWithAnnotationsMarkdown, type SourceExportInput } from './source-export';
