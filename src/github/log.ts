// The action's only way to the log, annotations and outputs. Every message, annotation property and output value
// passes through the plain-text sanitiser: no text from a manifest, model card, CodeCarbon file or report can
// reach the log with a terminal escape, a forged line or invisible characters.
import * as core from "@actions/core";
import { plainText } from "../format/escape.js";

function properties(p: core.AnnotationProperties | undefined): core.AnnotationProperties | undefined {
  if (!p) return p;
  const out: core.AnnotationProperties = { ...p };
  if (p.title !== undefined) out.title = plainText(p.title);
  if (p.file !== undefined) out.file = plainText(p.file);
  return out;
}

export const info = (message: string): void => core.info(plainText(message));
export const notice = (message: string, p?: core.AnnotationProperties): void => core.notice(plainText(message), properties(p));
export const warning = (message: string, p?: core.AnnotationProperties): void => core.warning(plainText(message), properties(p));
export const error = (message: string, p?: core.AnnotationProperties): void => core.error(plainText(message), properties(p));
export const setFailed = (message: string): void => core.setFailed(plainText(message));
export const setOutput = (name: string, value: string): void => core.setOutput(name, plainText(value));
export const summary = core.summary;
