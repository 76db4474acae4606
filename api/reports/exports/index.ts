export { report06aCsv } from './csv06a.js';
export { report06aHtml } from './html06a.js';
export { report06aXlsx } from './xlsx06a.js';
