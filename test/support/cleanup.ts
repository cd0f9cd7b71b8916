// Setup file of the node test project: scratch directories go when their test file ends.
import { afterAll } from 'vitest';
import { removeTempDirs } from './tmp.js';

afterAll(removeTempDirs);
