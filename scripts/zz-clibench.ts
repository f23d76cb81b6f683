import { cliFigures } from './bench-cli.js';
await cliFigures(undefined, { rounds: Number(process.env.R ?? 5), context: false });
