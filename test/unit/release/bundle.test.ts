import { entryFilesOf, entryFileText } from '../../../scripts/build/bundle';

const manifest = {
	main: 'dist/index.js',
	n8n: { nodes: ['dist/nodes/A/A.node.js'], credentials: ['dist/credentials/Key.credentials.js'] },
};

describe('npm run build: entry files over one bundle', () => {
	it('has one entry file per path package.json names, with the class n8n looks for by file name', () => {
		expect(entryFilesOf(manifest)).toEqual([
			{ distPath: 'dist/nodes/A/A.node.js', sourcePath: 'nodes/A/A.node.ts', className: 'A' },
			{ distPath: 'dist/credentials/Key.credentials.js', sourcePath: 'credentials/Key.credentials.ts', className: 'Key' },
			{ distPath: 'dist/index.js', sourcePath: 'index.ts' },
		]);
	});

	it('hands over only its own class, from the bundle at the root of dist/', () => {
		const [node, credential, main] = entryFilesOf(manifest).map(entryFileText);
		expect(node).toBe("'use strict';\nexports.A = require('../../metaCalling.js').A;\n");
		expect(credential).toBe("'use strict';\nexports.Key = require('../metaCalling.js').Key;\n");
		expect(main).toBe("'use strict';\nmodule.exports = require('./metaCalling.js');\n");
	});
});
