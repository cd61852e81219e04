import { fileURLToPath } from "node:url";

export const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
export const seed = (name: string): string => fileURLToPath(new URL(`../../../seeds/${name}`, import.meta.url));
