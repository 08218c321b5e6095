import type { HandlersIn } from '../../shared/api/contract';
import type { PastePreview } from '../../shared/api/methods/paste';
import { canonicalText } from '../../shared/document/model';
import type { SourceMetadata } from '../../shared/model/entities';
import type { PasteInput } from '../interop/paste';
import type { ServiceContext } from './context';
import { addOrReviseSource } from './import';

function flavourOf(format: string): PastePreview['flavour'] {
  return format === 'html' ? 'html' : format === 'markdown' ? 'markdown' : 'text';
}

// The HTML and Markdown parsers load with the first paste, not with the app: most sessions never paste.
const extractPaste = async (input: PasteInput) => (await import('../interop/paste')).extractPaste(input);

export async function previewPaste(input: PasteInput): Promise<PastePreview> {
  const x = await extractPaste(input);
  const m = x.metadata;
  return {
    format: x.format,
    flavour: flavourOf(x.format),
    document: x.document,
    metadata: {
      title: m.title ?? 'Untitled',
      byline: m.byline,
      outlet: m.outlet,
      publishedAt: m.publishedAt,
      url: m.url,
      language: m.language,
    },
    handle: m.handle ?? null,
    wordCount: canonicalText(x.document).match(/\S+/g)?.length ?? 0,
  };
}

export function pasteHandlers(ctx: ServiceContext): HandlersIn<'paste'> {
  return {
    'paste.preview': (input) => previewPaste(input),
    'paste.add': async ({ metadata, tags, ...clipboard }) => {
      // Extracted again rather than trusting a document sent back by the page:
      // what is stored is always what the sanitizing extractor produced.
      const x = await extractPaste(clipboard);
      const confirmed: SourceMetadata = {
        title: metadata.title.trim(),
        byline: metadata.byline?.trim() || null,
        outlet: metadata.outlet?.trim() || null,
        publishedAt: metadata.publishedAt ?? null,
        url: metadata.url ?? null,
        language: metadata.language?.trim() || null,
      };
      const outcome = ctx.db
        .transaction(() =>
          addOrReviseSource(
            ctx,
            {
              document: x.document,
              metadata: confirmed,
              format: x.format,
              origin: 'paste',
              canonicalUrl: x.metadata.canonicalUrl ?? confirmed.url,
              excerpt: x.metadata.excerpt,
            },
            tags,
          ),
        )
        .immediate();
      if (outcome.status === 'imported') ctx.events.emit('library.changed', { kinds: tags.length ? ['sources', 'tags'] : ['sources'] });
      if (outcome.status === 'updated') ctx.events.emit('library.changed', { kinds: ['sources', 'tags', 'annotations'] });
      return outcome;
    },
  };
}
