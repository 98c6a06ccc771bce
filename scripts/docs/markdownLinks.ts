/**
 * The relative links of this repository's Markdown pages, as pure rules: the README is the user's guide
 * and points into docs/ for the reference, so a moved section or a renamed heading must not leave a link
 * to nowhere (on GitHub and on npmjs.com, which resolves relative links against the repository).
 */

/** One link of a page: where it points (`path`, `path#anchor` or `#anchor`) and the line it is on. */
export interface MarkdownLink {
	target: string;
	line: number;
}

/** Fenced code blocks hold commands and JSON, not links: blank them, keeping the line count. */
function withoutCodeBlocks(markdown: string): string[] {
	let inFence = false;
	return markdown.split('\n').map((line) => {
		if (/^\s*```/.test(line)) {
			inFence = !inFence;
			return '';
		}
		return inFence ? '' : line;
	});
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, each space a hyphen. */
export function headingSlug(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

/** Every anchor a page offers, with GitHub's `-1`, `-2` … for repeated headings. */
export function headingAnchors(markdown: string): Set<string> {
	const anchors = new Set<string>();
	const seen = new Map<string, number>();
	for (const line of withoutCodeBlocks(markdown)) {
		const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
		if (!heading) continue;
		const slug = headingSlug(heading[1]);
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		anchors.add(count === 0 ? slug : `${slug}-${count}`);
	}
	return anchors;
}

/** The page's links (images included) that stay in the repository: no scheme, no `//` host. */
export function relativeLinks(markdown: string): MarkdownLink[] {
	const links: MarkdownLink[] = [];
	withoutCodeBlocks(markdown).forEach((text, index) => {
		for (const match of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
			const target = match[1];
			if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue;
			links.push({ target, line: index + 1 });
		}
	});
	return links;
}
