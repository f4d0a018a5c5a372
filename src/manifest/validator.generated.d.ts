// Types of the generated standalone validator (validator.generated.js, compiled by scripts/validator.mjs).
/** Whether `data` is a valid manifest; it says nothing about why not (zod's schema does). */
export declare function validate(data: unknown): boolean;
