/** The DoH resolver inside workerd, through workerd's fetch, against the test server's DoH endpoint. */
import { inject } from 'vitest';
import { dohCases } from '../support/doh-cases.js';

dohCases(() => inject('dohUrl'));
