import { exampleListing, readExamples } from '../../../scripts/start/examples';

/*
 * What a newcomer reads about the examples must match what they see: `npm start` lists each example under
 * the name the editor shows for it, and each example's sticky note says where its data comes from in the
 * demo (the local sandbox, not Meta or Nager.Date).
 */
const examples = readExamples();

describe('the examples as npm start lists them and as the editor shows them', () => {
	it('lists each example under its workflow name', () => {
		const listing = exampleListing(examples, 'http://127.0.0.1:5678');
		expect(listing).toHaveLength(examples.length);
		examples.forEach((example, i) => {
			expect(listing[i].startsWith(`  ${i + 1}. ${example.name}  http://127.0.0.1:5678/workflow/${example.id}  [starts: `)).toBe(true);
		});
	});

	it.each(examples.map((example) => [example.file, example] as const))('%s: its note says where the demo data comes from', (_file, example) => {
		const notes = example.nodes
			.filter((node) => node.type === 'n8n-nodes-base.stickyNote')
			.map((node) => String(node.parameters?.content ?? ''))
			.join('\n');
		expect(notes).toMatch(/in the demo,? \(?`npm start`\)?:? [^.]*sandbox/i);
	});
});
