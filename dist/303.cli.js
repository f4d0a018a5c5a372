"use strict";
exports.id = 303;
exports.ids = [303];
exports.modules = {

/***/ 2303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LAUNCH_FORMATS: () => (/* reexport */ LAUNCH_FORMATS),
  LAUNCH_LIMITS: () => (/* binding */ LAUNCH_LIMITS),
  readLaunchConfig: () => (/* binding */ readLaunchConfig),
  recogniseLaunchFormat: () => (/* binding */ recogniseLaunchFormat)
});

// EXTERNAL MODULE: ./src/manifest/yaml/index.ts
var yaml = __webpack_require__(1057);
// EXTERNAL MODULE: ./src/catalogue/index.ts + 4 modules
var catalogue = __webpack_require__(3719);
;// CONCATENATED MODULE: ./data/instance-accelerators.json
const instance_accelerators_namespaceObject = /*#__PURE__*/JSON.parse('{"V":[{"instance_type":"p4d.24xlarge","provider":"aws","accelerator":"nvidia-a100-40gb-sxm","count":8,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"p4de.24xlarge","provider":"aws","accelerator":"nvidia-a100-80gb-sxm","count":8,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"p5.4xlarge","provider":"aws","accelerator":"nvidia-h100-sxm","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"p5.48xlarge","provider":"aws","accelerator":"nvidia-h100-sxm","count":8,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"p5e.48xlarge","provider":"aws","accelerator":"nvidia-h200-sxm","count":8,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"p5en.48xlarge","provider":"aws","accelerator":"nvidia-h200-sxm","count":8,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"p6-b200.48xlarge","provider":"aws","accelerator":"nvidia-b200","count":8,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"p3.2xlarge","provider":"aws","accelerator":"nvidia-v100-sxm2","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"p3.8xlarge","provider":"aws","accelerator":"nvidia-v100-sxm2","count":4,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"p3.16xlarge","provider":"aws","accelerator":"nvidia-v100-sxm2","count":8,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"p3dn.24xlarge","provider":"aws","accelerator":"nvidia-v100-sxm2","count":8,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g5.xlarge","provider":"aws","accelerator":"nvidia-a10g","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g5.2xlarge","provider":"aws","accelerator":"nvidia-a10g","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g5.4xlarge","provider":"aws","accelerator":"nvidia-a10g","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g5.8xlarge","provider":"aws","accelerator":"nvidia-a10g","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g5.16xlarge","provider":"aws","accelerator":"nvidia-a10g","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g5.12xlarge","provider":"aws","accelerator":"nvidia-a10g","count":4,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g5.24xlarge","provider":"aws","accelerator":"nvidia-a10g","count":4,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g5.48xlarge","provider":"aws","accelerator":"nvidia-a10g","count":8,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g6.xlarge","provider":"aws","accelerator":"nvidia-l4","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g6.2xlarge","provider":"aws","accelerator":"nvidia-l4","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g6.4xlarge","provider":"aws","accelerator":"nvidia-l4","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g6.8xlarge","provider":"aws","accelerator":"nvidia-l4","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g6.16xlarge","provider":"aws","accelerator":"nvidia-l4","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g6.12xlarge","provider":"aws","accelerator":"nvidia-l4","count":4,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g6.24xlarge","provider":"aws","accelerator":"nvidia-l4","count":4,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g6.48xlarge","provider":"aws","accelerator":"nvidia-l4","count":8,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g6e.xlarge","provider":"aws","accelerator":"nvidia-l40s","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g6e.2xlarge","provider":"aws","accelerator":"nvidia-l40s","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g6e.4xlarge","provider":"aws","accelerator":"nvidia-l40s","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g6e.8xlarge","provider":"aws","accelerator":"nvidia-l40s","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g6e.16xlarge","provider":"aws","accelerator":"nvidia-l40s","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g6e.12xlarge","provider":"aws","accelerator":"nvidia-l40s","count":4,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g6e.24xlarge","provider":"aws","accelerator":"nvidia-l40s","count":4,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g6e.48xlarge","provider":"aws","accelerator":"nvidia-l40s","count":8,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g4dn.xlarge","provider":"aws","accelerator":"nvidia-t4","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g4dn.2xlarge","provider":"aws","accelerator":"nvidia-t4","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g4dn.4xlarge","provider":"aws","accelerator":"nvidia-t4","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g4dn.8xlarge","provider":"aws","accelerator":"nvidia-t4","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g4dn.16xlarge","provider":"aws","accelerator":"nvidia-t4","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g4dn.12xlarge","provider":"aws","accelerator":"nvidia-t4","count":4,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"g4dn.metal","provider":"aws","accelerator":"nvidia-t4","count":8,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"trn1.2xlarge","provider":"aws","accelerator":"aws-trainium1","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"trn1.32xlarge","provider":"aws","accelerator":"aws-trainium1","count":16,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"trn1n.32xlarge","provider":"aws","accelerator":"aws-trainium1","count":16,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"trn2.48xlarge","provider":"aws","accelerator":"aws-trainium2","count":16,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"inf2.xlarge","provider":"aws","accelerator":"aws-inferentia2","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"inf2.8xlarge","provider":"aws","accelerator":"aws-inferentia2","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"inf2.24xlarge","provider":"aws","accelerator":"aws-inferentia2","count":6,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"inf2.48xlarge","provider":"aws","accelerator":"aws-inferentia2","count":12,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"inf1.xlarge","provider":"aws","accelerator":"aws-inferentia1","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"inf1.2xlarge","provider":"aws","accelerator":"aws-inferentia1","count":1,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"inf1.6xlarge","provider":"aws","accelerator":"aws-inferentia1","count":4,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"inf1.24xlarge","provider":"aws","accelerator":"aws-inferentia1","count":16,"source":"https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html","year":2025},{"instance_type":"a2-highgpu-1g","provider":"gcp","accelerator":"nvidia-a100-40gb-sxm","count":1,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"a2-highgpu-2g","provider":"gcp","accelerator":"nvidia-a100-40gb-sxm","count":2,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"a2-highgpu-4g","provider":"gcp","accelerator":"nvidia-a100-40gb-sxm","count":4,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"a2-highgpu-8g","provider":"gcp","accelerator":"nvidia-a100-40gb-sxm","count":8,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"a2-megagpu-16g","provider":"gcp","accelerator":"nvidia-a100-40gb-sxm","count":16,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"a2-ultragpu-1g","provider":"gcp","accelerator":"nvidia-a100-80gb-sxm","count":1,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"a2-ultragpu-2g","provider":"gcp","accelerator":"nvidia-a100-80gb-sxm","count":2,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"a2-ultragpu-4g","provider":"gcp","accelerator":"nvidia-a100-80gb-sxm","count":4,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"a2-ultragpu-8g","provider":"gcp","accelerator":"nvidia-a100-80gb-sxm","count":8,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"a3-highgpu-1g","provider":"gcp","accelerator":"nvidia-h100-sxm","count":1,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"a3-highgpu-2g","provider":"gcp","accelerator":"nvidia-h100-sxm","count":2,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"a3-highgpu-4g","provider":"gcp","accelerator":"nvidia-h100-sxm","count":4,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"a3-highgpu-8g","provider":"gcp","accelerator":"nvidia-h100-sxm","count":8,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"a3-megagpu-8g","provider":"gcp","accelerator":"nvidia-h100-sxm","count":8,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"a3-edgegpu-8g","provider":"gcp","accelerator":"nvidia-h100-sxm","count":8,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"a3-ultragpu-8g","provider":"gcp","accelerator":"nvidia-h200-sxm","count":8,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"a4-highgpu-8g","provider":"gcp","accelerator":"nvidia-b200","count":8,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"g2-standard-4","provider":"gcp","accelerator":"nvidia-l4","count":1,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"g2-standard-8","provider":"gcp","accelerator":"nvidia-l4","count":1,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"g2-standard-12","provider":"gcp","accelerator":"nvidia-l4","count":1,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"g2-standard-16","provider":"gcp","accelerator":"nvidia-l4","count":1,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"g2-standard-32","provider":"gcp","accelerator":"nvidia-l4","count":1,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"g2-standard-24","provider":"gcp","accelerator":"nvidia-l4","count":2,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"g2-standard-48","provider":"gcp","accelerator":"nvidia-l4","count":4,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"g2-standard-96","provider":"gcp","accelerator":"nvidia-l4","count":8,"source":"https://cloud.google.com/compute/docs/accelerator-optimized-machines","year":2025},{"instance_type":"ct5lp-hightpu-1t","provider":"gcp","accelerator":"google-tpu-v5e","count":1,"source":"https://cloud.google.com/tpu/docs/v5e","year":2025},{"instance_type":"ct5lp-hightpu-4t","provider":"gcp","accelerator":"google-tpu-v5e","count":4,"source":"https://cloud.google.com/tpu/docs/v5e","year":2025},{"instance_type":"ct5lp-hightpu-8t","provider":"gcp","accelerator":"google-tpu-v5e","count":8,"source":"https://cloud.google.com/tpu/docs/v5e","year":2025},{"instance_type":"ct5p-hightpu-4t","provider":"gcp","accelerator":"google-tpu-v5p","count":4,"source":"https://cloud.google.com/tpu/docs/v5p","year":2025},{"instance_type":"ct6e-standard-1t","provider":"gcp","accelerator":"google-tpu-v6e","count":1,"source":"https://cloud.google.com/tpu/docs/v6e","year":2025},{"instance_type":"ct6e-standard-4t","provider":"gcp","accelerator":"google-tpu-v6e","count":4,"source":"https://cloud.google.com/tpu/docs/v6e","year":2025},{"instance_type":"ct6e-standard-8t","provider":"gcp","accelerator":"google-tpu-v6e","count":8,"source":"https://cloud.google.com/tpu/docs/v6e","year":2025},{"instance_type":"Standard_ND96asr_v4","provider":"azure","accelerator":"nvidia-a100-40gb-sxm","count":8,"source":"https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/nda100v4-series","year":2025},{"instance_type":"Standard_ND96amsr_A100_v4","provider":"azure","accelerator":"nvidia-a100-80gb-sxm","count":8,"source":"https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ndma100v4-series","year":2025},{"instance_type":"Standard_ND96isr_H100_v5","provider":"azure","accelerator":"nvidia-h100-sxm","count":8,"source":"https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ndh100v5-series","year":2025},{"instance_type":"Standard_ND96isr_H200_v5","provider":"azure","accelerator":"nvidia-h200-sxm","count":8,"source":"https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ndh200v5-series","year":2025},{"instance_type":"Standard_ND96is_MI300X_v5","provider":"azure","accelerator":"amd-mi300x","count":8,"source":"https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ndmi300xv5-series","year":2025},{"instance_type":"Standard_ND40rs_v2","provider":"azure","accelerator":"nvidia-v100-sxm2","count":8,"source":"https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ndv2-series","year":2025},{"instance_type":"Standard_NC24ads_A100_v4","provider":"azure","accelerator":"nvidia-a100-80gb-pcie","count":1,"source":"https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/nca100v4-series","year":2025},{"instance_type":"Standard_NC48ads_A100_v4","provider":"azure","accelerator":"nvidia-a100-80gb-pcie","count":2,"source":"https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/nca100v4-series","year":2025},{"instance_type":"Standard_NC96ads_A100_v4","provider":"azure","accelerator":"nvidia-a100-80gb-pcie","count":4,"source":"https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/nca100v4-series","year":2025},{"instance_type":"Standard_NC40ads_H100_v5","provider":"azure","accelerator":"nvidia-h100-nvl","count":1,"source":"https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ncadsh100v5-series","year":2025},{"instance_type":"Standard_NC80adis_H100_v5","provider":"azure","accelerator":"nvidia-h100-nvl","count":2,"source":"https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ncadsh100v5-series","year":2025},{"instance_type":"Standard_NC4as_T4_v3","provider":"azure","accelerator":"nvidia-t4","count":1,"source":"https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ncast4v3-series","year":2025},{"instance_type":"Standard_NC8as_T4_v3","provider":"azure","accelerator":"nvidia-t4","count":1,"source":"https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ncast4v3-series","year":2025},{"instance_type":"Standard_NC16as_T4_v3","provider":"azure","accelerator":"nvidia-t4","count":1,"source":"https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ncast4v3-series","year":2025},{"instance_type":"Standard_NC64as_T4_v3","provider":"azure","accelerator":"nvidia-t4","count":4,"source":"https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/ncast4v3-series","year":2025},{"instance_type":"Standard_NV36ads_A10_v5","provider":"azure","accelerator":"nvidia-a10","count":1,"source":"https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/nvadsa10v5-series","year":2025},{"instance_type":"Standard_NV72ads_A10_v5","provider":"azure","accelerator":"nvidia-a10","count":2,"source":"https://learn.microsoft.com/azure/virtual-machines/sizes/gpu-accelerated/nvadsa10v5-series","year":2025}]}');
;// CONCATENATED MODULE: ./src/catalogue/instances.ts
// Cloud instance types → the accelerators they carry (data/instance-accelerators.json, one sourced row each). An
// instance type the table lacks is unknown, never guessed from its family.

const instances = instance_accelerators_namespaceObject.V;
let byName;
/** The row of an instance type, compared case-insensitively and without SageMaker's `ml.` prefix; undefined if unknown. */
function findInstanceType(name) {
    byName ??= new Map(instances.map((i) => [i.instance_type.toLowerCase(), i]));
    const key = name.trim().toLowerCase();
    return byName.get(key.startsWith("ml.") ? key.slice(3) : key);
}

// EXTERNAL MODULE: ./src/catalogue/tpu.ts + 1 modules
var tpu = __webpack_require__(1327);
;// CONCATENATED MODULE: ./src/launch/common.ts
// What the readers share: a document being read (positions, problems), the catalogue look-up of an accelerator
// name as a format writes it, counts as products of stated factors, and time limits. Nothing here expands or
// executes anything: a value that looks templated is a problem, never a default.




/** Longest name or value read from a config; longer is not a name anyone launches with. */
const MAX_TEXT = 200;
/** Candidates per job (any_of × accelerator sets × node ranges), problems per file. */
const MAX_CANDIDATES = 64;
const MAX_PROBLEMS = 100;
/** Largest accelerator count of one job (and of any factor of it). */
const MAX_COUNT = 1_000_000;
/** `${VAR}`, `$VAR`, `$(cmd)`, `{{ .Values.x }}`, `<your-project>`: written to be filled in by something else. */
const TEMPLATED = /\$[{(A-Za-z_]|\{\{|\{%|<[^<>\s]{1,100}>/;
/** Control and bidirectional formatting characters: never part of a name a scheduler accepts. */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
/** The problems of one file, bounded: a hostile file cannot make an unbounded list. */
class Problems {
    list = [];
    add(problem) {
        if (this.list.length < MAX_PROBLEMS)
            this.list.push(problem);
    }
}
/** One YAML document of a config, or a SLURM header: where values are, and the problems found reading them. */
class Reading {
    where;
    problems;
    aliases;
    constructor(where, problems, aliases) {
        this.where = where;
        this.problems = problems;
        this.aliases = aliases;
    }
    static yaml(locator, problems, aliases) {
        return new Reading((path) => locator.value(path), problems, aliases);
    }
    origin(path, field = (0,yaml/* formatPath */.j)(path)) {
        return { ...this.where(path), field };
    }
    problem(kind, origin, message, needs) {
        this.problems.add({ kind, field: origin.field, line: origin.line, column: origin.column, message, needs });
    }
    /**
     * A scalar as text, or null (with a problem) when it is templated, too long, not a scalar or carries invisible
     * characters; `needs` is what the manifest entry must state instead.
     */
    text(value, origin, needs) {
        if (typeof value === "number" && Number.isFinite(value))
            return String(value);
        if (typeof value !== "string") {
            this.problem("unreadable", origin, `${origin.field} is not a single value${hint(needs)}`, needs);
            return null;
        }
        const s = value.trim();
        if (s.length > MAX_TEXT) {
            this.problem("unreadable", origin, `${origin.field} is longer than ${MAX_TEXT} characters${hint(needs)}`, needs);
            return null;
        }
        if (INVISIBLE.test(s)) {
            this.problem("unreadable", origin, `${origin.field} contains control or bidirectional formatting characters${hint(needs)}`, needs);
            return null;
        }
        if (TEMPLATED.test(s)) {
            this.problem("templated", origin, `${origin.field} is templated (${JSON.stringify(s)}): nothing in a config is expanded${hint(needs)}`, needs);
            return null;
        }
        return s;
    }
    /** A whole number from 1 to MAX_COUNT (or from `min`), as a number or a string of digits; null with a problem otherwise. */
    count(value, origin, needs = "count", min = 1) {
        const s = this.text(value, origin, needs);
        if (s === null)
            return null;
        const n = /^\d{1,9}$/.test(s) ? Number(s) : NaN;
        if (!Number.isInteger(n) || n < min || n > MAX_COUNT) {
            this.problem("unreadable", origin, `${origin.field} is ${JSON.stringify(s)}, not a whole number from ${min} to ${MAX_COUNT}${hint(needs)}`, needs);
            return null;
        }
        return n;
    }
    /**
     * The catalogue accelerator a format's name means: a site alias first, then the format's own meaning of the name
     * (`special`), a TPU slice, an instance type, the catalogue's names. Returns the accelerator and the accelerators
     * per unit the name stands for (8 for `p5.48xlarge`, 16 chips for `v4-32`), or null with a problem.
     */
    accelerator(written, origin, special) {
        const alias = lookupAlias(this.aliases, written);
        if (alias)
            return resolvedId(written, alias, `${written} is ${alias} by the manifest's aliases`, origin, null);
        const own = special?.(written);
        if (own)
            return resolvedId(written, own.id, own.note, origin, null);
        const slice = (0,tpu/* findTpuSlice */.V)(written);
        if (typeof slice === "string") {
            this.problem("unreadable", origin, `${slice}; state accelerator and count`, "accelerator");
            return null;
        }
        if (slice)
            return resolvedId(written, slice.accelerator.id, slice.note, origin, { value: slice.chips, label: `${slice.chips} chips per ${written}`, origin });
        const instance = findInstanceType(written);
        if (instance) {
            const unit = { value: instance.count, label: `${instance.count} × ${instance.accelerator} per ${instance.instance_type}`, origin };
            return resolvedId(written, instance.accelerator, `${instance.instance_type} carries ${instance.count} × ${instance.accelerator} (${instance.source}, ${instance.year})`, origin, unit);
        }
        const found = (0,catalogue/* findAccelerator */.di)(written);
        if (found.ok) {
            const note = found.ambiguity ? (0,catalogue/* ambiguousMessage */.Y)(written, found.value, found.ambiguity) : null;
            return resolvedId(written, found.value.id, note, origin, null);
        }
        this.problem("unreadable", origin, `${JSON.stringify(written)} is neither a catalogue accelerator nor a known instance type; map it with the manifest's aliases or state accelerator`, "accelerator");
        return null;
    }
}
function resolvedId(written, id, note, origin, unit) {
    return { accelerator: { written, id, note, origin }, unit };
}
function lookupAlias(aliases, written) {
    return Object.prototype.hasOwnProperty.call(aliases, written) ? aliases[written] : undefined;
}
function hint(needs) {
    return needs ? `; state ${needs} in the manifest entry` : "";
}
/** The product of the factors that are known, or null when one is missing (already reported). */
function product(factors, reading, at) {
    if (factors.some((f) => f === null))
        return null;
    const known = factors;
    const value = known.reduce((a, f) => a * f.value, 1);
    if (!Number.isFinite(value) || value > MAX_COUNT) {
        reading.problem("unreadable", at, `the accelerator count comes to more than ${MAX_COUNT}; state count in the manifest entry`, "count");
        return null;
    }
    return { value, factors: known };
}
/** Counts added up (worker pools, leader and workers): one stays as it is; several are the terms of a sum. */
function sum(counts) {
    return counts.length === 1 ? counts[0] : { value: counts.reduce((a, c) => a + c.value, 0), factors: [], terms: counts };
}
/** `1 pod`, `2 pods`. */
function counted(n, [one, many]) {
    return `${n} ${n === 1 ? one : many}`;
}
/** A factor the format supplies when the config is silent (one node, one replica): no origin, said in its label. */
function defaulted(value, label) {
    return { value, label, origin: null };
}
/**
 * Candidates once each (a range whose ends coincide is one way to run), at most MAX_CANDIDATES (a problem says
 * when some were left out).
 */
function bounded(all, reading, at) {
    const seen = new Set();
    const candidates = all.filter((c) => {
        const key = `${c.accelerator?.id ?? c.accelerator?.written ?? ""}\u0000${c.count?.value ?? ""}\u0000${c.location?.value ?? ""}`;
        return !seen.has(key) && seen.add(key);
    });
    if (candidates.length <= MAX_CANDIDATES)
        return candidates;
    reading.problem("limit", at, `more than ${MAX_CANDIDATES} ways to run this job; only the first ${MAX_CANDIDATES} are read`, null);
    return candidates.slice(0, MAX_CANDIDATES);
}
/** A time limit in hours with its origin, or null for none (0 or unlimited) or an unreadable value (reported). */
function hoursLimit(hours, origin) {
    return hours === null || hours <= 0 ? null : { value: hours, origin };
}
/** The value at `key` of a mapping, or undefined (no inherited keys, no non-objects). */
function get(value, key) {
    if (typeof value !== "object" || value === null || Array.isArray(value))
        return undefined;
    return Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}
function isMapping(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** A location as the manifest writes it: `provider:region`, lower-case. */
function common_location(provider, region, origin) {
    const p = provider.toLowerCase() === "google" ? "gcp" : provider.toLowerCase();
    // A Google Cloud zone (us-central1-a) names its region and a suffix.
    const r = p === "gcp" ? region.toLowerCase().replace(/^([a-z]+-[a-z]+\d+)-[a-z]$/, "$1") : region.toLowerCase();
    return { value: `${p}:${r}`, origin };
}

;// CONCATENATED MODULE: ./src/launch/dstack.ts
// dstack `.dstack.yml` tasks and services (docs/launch-configs.md#dstack): `resources.gpu` (`H100:8`, `A100:80GB:8`,
// `A10G,A100:1..2`, or a mapping of name, count and memory), `nodes`, service `replicas`, `backends` with
// `regions`, and `max_duration`.

const TYPES = ["task", "service", "dev-environment"];
const VENDORS = new Set(["nvidia", "amd", "google", "tpu", "intel"]);
function readDstack(data, reading, document, line) {
    const type = get(data, "type");
    if (typeof type !== "string" || !TYPES.includes(type))
        return null;
    const name = get(data, "name");
    const job = {
        format: "dstack",
        document,
        name: typeof name === "string" ? reading.text(name, reading.origin(["name"]), null) : null,
        line,
        candidates: [],
        timeLimitHours: null,
        problems: [],
    };
    const duration = get(data, "max_duration");
    if (duration !== undefined) {
        const origin = reading.origin(["max_duration"]);
        const hours = durationHours(duration);
        if (hours === undefined)
            reading.problem("unreadable", origin, `max_duration ${typeof duration === "string" ? JSON.stringify(duration.slice(0, 100)) : "(not a string)"} is not a duration such as 2h or 1d`, null);
        else
            job.timeLimitHours = hoursLimit(hours, origin);
    }
    const nodes = scale(data, type === "service" ? "replicas" : "nodes", reading);
    const place = placeOf(data, reading);
    const gpu = get(get(data, "resources"), "gpu");
    const candidates = [];
    if (gpu === undefined)
        candidates.push({ accelerator: null, count: null, location: place });
    else {
        const path = ["resources", "gpu"];
        const origin = reading.origin(path);
        const spec = gpuSpec(gpu, origin, reading);
        if (spec && spec.names.length === 0) {
            reading.problem("unreadable", origin, `resources.gpu names no GPU model (${JSON.stringify(String(typeof gpu === "string" ? gpu : "a memory or vendor only").slice(0, 100))}); state accelerator`, "accelerator");
        }
        const models = spec && spec.names.length > 0 ? spec.names.map((n) => reading.accelerator(n, origin)) : [null];
        for (const model of models) {
            for (const c of spec?.counts ?? [null]) {
                for (const n of nodes) {
                    const perNode = c === null ? null : { value: c, label: `${c} per node (resources.gpu)`, origin };
                    const factors = [perNode, ...(model?.unit ? [model.unit] : []), n];
                    candidates.push({ accelerator: model?.accelerator ?? null, count: product(factors, reading, origin), location: place });
                }
            }
        }
    }
    job.candidates = bounded(candidates, reading, reading.origin([]));
    return job;
}
/** `nodes: 2` or service `replicas: 1..4` (the two ends). */
function scale(data, key, reading) {
    const value = get(data, key);
    const unit = key === "nodes" ? "node" : "replica";
    if (value === undefined)
        return [defaulted(1, `1 ${unit} (${key} not set)`)];
    const origin = reading.origin([key]);
    const text = reading.text(value, origin, "count");
    if (text === null)
        return [null];
    const range = rangeOf(text);
    if (!range) {
        reading.problem("unreadable", origin, `${key} ${JSON.stringify(text)} is not a count or a range a..b; state count`, "count");
        return [null];
    }
    return [...new Set(range)].map((n) => ({ value: n, label: `${n} ${unit}${n === 1 ? "" : "s"} (${key})`, origin }));
}
/** `8`, `1..2`: the two ends; an open end (`2..`) is not a bound, so it is not read. */
function rangeOf(text) {
    const m = /^(\d{1,6})(?:\.\.(\d{1,6}))?$/.exec(text.trim());
    if (!m)
        return null;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : Number(m[2]);
    return min >= 1 && max >= min ? [min, max] : null;
}
/** GPU names and counts of a `gpu` spec: `name[,name]:memory:count` in any order, or a mapping. */
function gpuSpec(gpu, origin, reading) {
    let names = [];
    let counts = null;
    if (isMapping(gpu)) {
        const name = get(gpu, "name");
        names = (Array.isArray(name) ? name : name === undefined ? [] : [name]).flatMap((n) => reading.text(n, origin, "accelerator") ?? []);
        const count = get(gpu, "count");
        if (count !== undefined) {
            const text = reading.text(count, origin, "count");
            counts = text === null ? null : rangeOf(text);
            if (text !== null && !counts)
                reading.problem("unreadable", origin, `resources.gpu.count ${JSON.stringify(text)} is not a count or a range; state count`, "count");
            if (!counts)
                return { names, counts: [] };
        }
    }
    else {
        const text = reading.text(gpu, origin, "accelerator");
        if (text === null)
            return null;
        for (const part of text.split(":")) {
            const range = rangeOf(part);
            if (range)
                counts = range;
            else if (/^\d/.test(part) || VENDORS.has(part.toLowerCase()))
                continue; // memory (80GB, 24GB..40GB) or vendor
            else
                for (const n of part.split(","))
                    if (n !== "")
                        names.push(n);
        }
    }
    const [min, max] = counts ?? [1, 1];
    return { names, counts: min === max ? [min] : [min, max] };
}
/** One backend and one region give a location; anything else leaves it to the manifest. */
function placeOf(data, reading) {
    const backends = get(data, "backends");
    const regions = get(data, "regions");
    if (!Array.isArray(backends) || backends.length !== 1 || !Array.isArray(regions) || regions.length !== 1)
        return null;
    const origin = reading.origin(["regions", 0]);
    const backend = reading.text(backends[0], reading.origin(["backends", 0]), "location");
    const region = reading.text(regions[0], origin, "location");
    return backend && region ? common_location(backend, region, origin) : null;
}
/** dstack durations: `90s`, `30m`, `2h`, `1d`, `1w`, plain seconds; `off` for none; undefined when unreadable. */
function durationHours(value) {
    if (value === false || value === "off")
        return null;
    if (typeof value === "number")
        return Number.isFinite(value) && value >= 0 ? value / 3600 : undefined;
    const m = typeof value === "string" ? /^(\d{1,9})([smhdw]?)$/.exec(value.trim()) : null;
    if (!m)
        return undefined;
    const seconds = { "": 1, s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2]];
    return (Number(m[1]) * seconds) / 3600;
}

;// CONCATENATED MODULE: ./src/launch/kubernetes.ts
// Kubernetes workloads (docs/launch-configs.md#kubernetes): Job, Kubeflow PyTorchJob, JobSet, RayJob / RayCluster,
// LeaderWorkerSet and Kubeflow Trainer TrainJob. Accelerators per pod come from the containers' resource limits
// (requests where no limit is set), multiplied by the kind's replicas, parallelism or hosts; the model from node
// selectors and required node affinities, whose `In` lists are candidate sets. Nothing is rendered: a Helm or
// Kustomize template is read as the text it is.


const WORKLOAD_KINDS = ["Job", "PyTorchJob", "JobSet", "RayJob", "RayCluster", "LeaderWorkerSet", "TrainJob"];
const RESOURCE_KEYS = ["nvidia.com/gpu", "amd.com/gpu", "google.com/tpu"];
/** Node labels that name the accelerator, in the order they are trusted. */
const MODEL_LABELS = [
    "cloud.google.com/gke-tpu-accelerator",
    "cloud.google.com/gke-accelerator",
    "karpenter.k8s.aws/instance-gpu-name",
    "node.kubernetes.io/instance-type",
    "beta.kubernetes.io/instance-type",
];
const TOPOLOGY = "cloud.google.com/gke-tpu-topology";
const MAX_POD_GROUPS = 64;
function readKubernetes(data, reading, document, line) {
    const kind = get(data, "kind");
    if (typeof kind !== "string" || !WORKLOAD_KINDS.includes(kind))
        return null;
    const name = get(get(data, "metadata"), "name");
    const job = {
        format: "kubernetes",
        document,
        name: typeof name === "string" ? reading.text(name, reading.origin(["metadata", "name"]), null) : null,
        line,
        candidates: [],
        timeLimitHours: null,
        problems: [],
    };
    const deadline = deadlinePath(kind);
    if (deadline && get(walk(data, deadline.slice(0, -1)), deadline[deadline.length - 1]) !== undefined) {
        const origin = reading.origin(deadline);
        const seconds = reading.count(walk(data, deadline), origin, "hours");
        if (seconds !== null)
            job.timeLimitHours = hoursLimit(seconds / 3600, origin);
    }
    const variants = podGroups(kind, data, reading);
    const candidates = variants.flatMap((groups) => candidatesOf(groups.slice(0, MAX_POD_GROUPS), data, reading));
    job.candidates = bounded(candidates.length > 0 ? candidates : [{ accelerator: null, count: null, location: null }], reading, reading.origin([]));
    return job;
}
function deadlinePath(kind) {
    if (kind === "Job" || kind === "RayJob" || kind === "TrainJob")
        return ["spec", "activeDeadlineSeconds"];
    if (kind === "PyTorchJob")
        return ["spec", "runPolicy", "activeDeadlineSeconds"];
    return null;
}
function walk(data, path) {
    let node = data;
    for (const seg of path)
        node = typeof seg === "number" ? (Array.isArray(node) ? node[seg] : undefined) : get(node, seg);
    return node;
}
/** A replica-like count at `path`: its value, or the default when absent. */
function factorAt(data, path, noun, fallback, reading, min = 1) {
    const value = walk(data, path);
    if (value === undefined)
        return defaulted(fallback, `${counted(fallback, noun)} (${pathText(path)} not set)`);
    const origin = reading.origin(path);
    const n = reading.count(value, origin, "count", min);
    return n === null ? null : { value: n, label: `${counted(n, noun)} (${origin.field})`, origin };
}
const pathText = (path) => path.map((s) => (typeof s === "number" ? `[${s}]` : s)).join(".");
/**
 * The pod groups of a workload, once per variant: one variant in general; two (fewest, most) where the kind
 * states a range (PyTorchJob elasticPolicy, RayCluster worker min/max replicas).
 */
function podGroups(kind, data, reading) {
    switch (kind) {
        case "Job":
            return [[{ factors: [factorAt(data, ["spec", "parallelism"], ["pod", "pods"], 1, reading)], spec: ["spec", "template", "spec"] }]];
        case "PyTorchJob": {
            const specs = get(get(data, "spec"), "pytorchReplicaSpecs");
            const roles = isMapping(specs) ? Object.keys(specs) : [];
            const groups = roles.map((r) => ({
                factors: [factorAt(data, ["spec", "pytorchReplicaSpecs", r, "replicas"], [`${r} replica`, `${r} replicas`], 1, reading)],
                spec: ["spec", "pytorchReplicaSpecs", r, "template", "spec"],
            }));
            const elastic = get(get(data, "spec"), "elasticPolicy");
            const worker = roles.indexOf("Worker");
            if (!isMapping(elastic) || worker < 0)
                return [groups];
            return ["minReplicas", "maxReplicas"]
                .filter((k) => get(elastic, k) !== undefined)
                .map((k) => groups.map((g, i) => i === worker
                ? {
                    ...g,
                    factors: [
                        factorAt(data, ["spec", "elasticPolicy", k], k === "minReplicas"
                            ? ["Worker replica, elastic fewest", "Worker replicas, elastic fewest"]
                            : ["Worker replica, elastic most", "Worker replicas, elastic most"], 1, reading),
                    ],
                }
                : g));
        }
        case "JobSet": {
            const jobs = get(get(data, "spec"), "replicatedJobs");
            return [
                (Array.isArray(jobs) ? jobs : []).map((_, i) => ({
                    factors: [
                        factorAt(data, ["spec", "replicatedJobs", i, "replicas"], ["replicated job", "replicated jobs"], 1, reading),
                        factorAt(data, ["spec", "replicatedJobs", i, "template", "spec", "parallelism"], ["pod per job", "pods per job"], 1, reading),
                    ],
                    spec: ["spec", "replicatedJobs", i, "template", "spec", "template", "spec"],
                })),
            ];
        }
        case "RayJob":
        case "RayCluster":
            return rayGroups(kind === "RayJob" ? ["spec", "rayClusterSpec"] : ["spec"], data, reading);
        case "LeaderWorkerSet": {
            const base = ["spec", "leaderWorkerTemplate"];
            const replicas = factorAt(data, ["spec", "replicas"], ["group", "groups"], 1, reading);
            const size = walk(data, [...base, "size"]);
            const sizeOrigin = reading.origin([...base, "size"]);
            const n = size === undefined ? 1 : reading.count(size, sizeOrigin);
            const leader = walk(data, [...base, "leaderTemplate"]) !== undefined ? [...base, "leaderTemplate", "spec"] : [...base, "workerTemplate", "spec"];
            const workers = n === null
                ? null
                : {
                    value: n - 1,
                    label: `${counted(n - 1, ["worker", "workers"])} per group (size ${n} less the leader)`,
                    origin: size === undefined ? null : sizeOrigin,
                };
            const groups = [{ factors: [replicas], spec: leader }];
            if (n === null || n > 1)
                groups.push({ factors: [replicas, workers], spec: [...base, "workerTemplate", "spec"] });
            return [groups];
        }
        case "TrainJob":
            return [[{ factors: [factorAt(data, ["spec", "trainer", "numNodes"], ["node", "nodes"], 1, reading)], spec: ["spec", "trainer"] }]];
    }
    return [];
}
function rayGroups(cluster, data, reading) {
    const head = { factors: [], spec: [...cluster, "headGroupSpec", "template", "spec"] };
    const workers = walk(data, [...cluster, "workerGroupSpecs"]);
    const list = Array.isArray(workers) ? workers : [];
    const group = (i, key, noun) => ({
        factors: [
            factorAt(data, [...cluster, "workerGroupSpecs", i, key], noun, 1, reading, 0),
            factorAt(data, [...cluster, "workerGroupSpecs", i, "numOfHosts"], ["host per replica", "hosts per replica"], 1, reading),
        ],
        spec: [...cluster, "workerGroupSpecs", i, "template", "spec"],
    });
    const nominal = [head, ...list.map((_, i) => group(i, "replicas", ["worker replica", "worker replicas"]))];
    // Under the autoscaler the worker replicas range up to maxReplicas.
    const scaled = list.some((w) => get(w, "maxReplicas") !== undefined);
    return scaled
        ? [
            nominal,
            [
                head,
                ...list.map((w, i) => group(i, get(w, "maxReplicas") !== undefined ? "maxReplicas" : "replicas", ["worker replica at most", "worker replicas at most"])),
            ],
        ]
        : [nominal];
}
/** Accelerators of the pod groups of one variant: one candidate per model in the selectors' candidate sets. */
function candidatesOf(groups, data, reading) {
    const perGroup = groups
        .map((g) => ({ group: g, gpus: podAccelerators(data, g.spec, reading), models: podModels(data, g.spec, reading) }))
        .filter((g) => g.gpus !== undefined);
    if (perGroup.length === 0)
        return [];
    // Pods whose selectors name the model give the candidates; a pod naming none takes the others' (or none).
    const models = perGroup.find((g) => g.models.length > 0)?.models ?? [null];
    return models.map((model) => {
        const counts = perGroup.map((g) => product([...g.group.factors, g.gpus], reading, g.gpus?.origin ?? reading.origin(g.group.spec)));
        const count = counts.every((c) => c !== null) ? sum(counts) : null;
        // The count is what the pods ask for, whatever the model's instance type carries.
        return { accelerator: model?.accelerator ?? null, count, location: null };
    });
}
/** Accelerators per pod: Σ over containers of the limit (or request) of a GPU/TPU resource; undefined for none. */
function podAccelerators(data, spec, reading) {
    const containersPath = spec[spec.length - 1] === "trainer" ? null : [...spec, "containers"];
    const entries = [];
    const scan = (resources) => {
        for (const section of ["limits", "requests"]) {
            const block = walk(data, [...resources, section]);
            const keys = RESOURCE_KEYS.filter((k) => get(block, k) !== undefined);
            for (const key of keys)
                entries.push({ value: get(block, key), path: [...resources, section, key], key });
            if (keys.length > 0)
                return;
        }
    };
    if (containersPath === null)
        scan([...spec, "resourcesPerNode"]);
    else {
        const containers = walk(data, containersPath);
        (Array.isArray(containers) ? containers.slice(0, MAX_POD_GROUPS) : []).forEach((_, i) => scan([...containersPath, i, "resources"]));
    }
    if (entries.length === 0)
        return undefined;
    let total = 0;
    for (const e of entries) {
        const n = reading.count(e.value, reading.origin(e.path), "count", 0);
        if (n === null)
            return null;
        total += n;
    }
    const first = reading.origin(entries[0].path);
    return { value: total, label: `${total} ${entries[0].key} per pod (${entries.length === 1 ? first.field : `${entries.length} containers`})`, origin: first };
}
/** The models a pod's node selector or required node affinity names (an `In` list is a candidate set). */
function podModels(data, spec, reading) {
    const topologyValue = () => {
        const direct = get(walk(data, [...spec, "nodeSelector"]), TOPOLOGY);
        return typeof direct === "string" ? direct : undefined;
    };
    for (const label of MODEL_LABELS) {
        const written = [];
        const selector = get(walk(data, [...spec, "nodeSelector"]), label);
        if (selector !== undefined)
            written.push({ value: selector, origin: reading.origin([...spec, "nodeSelector", label]) });
        const terms = walk(data, [...spec, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"]);
        (Array.isArray(terms) ? terms : []).forEach((term, t) => {
            const exprs = get(term, "matchExpressions");
            (Array.isArray(exprs) ? exprs : []).forEach((e, x) => {
                if (get(e, "key") !== label || get(e, "operator") !== "In")
                    return;
                const values = get(e, "values");
                const path = [
                    ...spec,
                    "affinity",
                    "nodeAffinity",
                    "requiredDuringSchedulingIgnoredDuringExecution",
                    "nodeSelectorTerms",
                    t,
                    "matchExpressions",
                    x,
                    "values",
                ];
                (Array.isArray(values) ? values : []).forEach((v, i) => written.push({ value: v, origin: reading.origin([...path, i]) }));
            });
        });
        if (written.length === 0)
            continue;
        const topology = label === "cloud.google.com/gke-tpu-accelerator" ? topologyValue() : undefined;
        const resolved = [];
        for (const w of written) {
            const text = reading.text(w.value, w.origin, "accelerator");
            const r = text === null ? null : reading.accelerator(text, w.origin);
            if (!r)
                continue;
            // The slice's size is shown; the count stays what the pods ask for (hosts × chips per host).
            const slice = topology === undefined ? null : (0,tpu/* findTpuSlice */.V)(text, topology);
            if (typeof slice === "string")
                reading.problem("unreadable", reading.origin([...spec, "nodeSelector", TOPOLOGY]), slice, null);
            resolved.push(slice && typeof slice !== "string" ? { ...r, accelerator: { ...r.accelerator, note: slice.note } } : r);
        }
        return resolved;
    }
    return [];
}

;// CONCATENATED MODULE: ./src/launch/skypilot.ts

/** SkyPilot's own meaning of a name, where it differs from the catalogue's: its bare A100 is the 40 GB part. */
function skypilotName(name) {
    return name.toUpperCase() === "A100" ? { id: "nvidia-a100-40gb-sxm", note: "SkyPilot's A100 is the 40 GB part (A100-80GB is the 80 GB one)" } : undefined;
}
function readSkyPilot(data, reading, document, line) {
    if (!isMapping(data))
        return null;
    const resources = get(data, "resources");
    // The first document of a pipeline may hold only its name.
    if (resources === undefined && get(data, "run") === undefined && get(data, "num_nodes") === undefined)
        return null;
    const name = get(data, "name");
    const job = {
        format: "skypilot",
        document,
        name: typeof name === "string" ? (reading.text(name, reading.origin(["name"]), null) ?? null) : null,
        line,
        candidates: [],
        timeLimitHours: null,
        problems: [],
    };
    const nodes = numNodes(data, reading);
    const at = reading.origin(["resources"]);
    const choices = isMapping(resources) ? (get(resources, "any_of") ?? get(resources, "ordered")) : undefined;
    const key = isMapping(resources) && get(resources, "any_of") !== undefined ? "any_of" : "ordered";
    // Fields outside the any_of / ordered list are defaults for every candidate.
    const candidates = Array.isArray(choices) && choices.length > 0
        ? choices.flatMap((choice, i) => resourceCandidates(resources, choice, ["resources", key, i], reading, nodes))
        : resourceCandidates(resources, undefined, null, reading, nodes);
    job.candidates = bounded(candidates, reading, at);
    return job;
}
function numNodes(data, reading) {
    const value = get(data, "num_nodes");
    if (value === undefined)
        return defaulted(1, "1 node (num_nodes not set; SkyPilot's default)");
    const origin = reading.origin(["num_nodes"]);
    const n = reading.count(value, origin);
    return n === null ? null : { value: n, label: `${n} node${n === 1 ? "" : "s"} (num_nodes)`, origin };
}
/** The candidates of one resources block: the base with one `any_of`/`ordered` item laid over it (at `choicePath`). */
function resourceCandidates(base, choice, choicePath, reading, nodes) {
    // A field of the candidate wins over the base's; `gpus` is SkyPilot's other name for accelerators.
    const field = (name) => {
        for (const [block, path] of [
            [choice, choicePath],
            [base, ["resources"]],
        ]) {
            if (path === null)
                continue;
            for (const key of name === "accelerators" ? ["accelerators", "gpus"] : [name]) {
                const value = get(block, key);
                if (value !== undefined)
                    return { value, path: [...path, key] };
            }
        }
        return undefined;
    };
    const place = skypilot_placeOf(field, reading);
    const accelerators = field("accelerators");
    const options = [];
    if (accelerators) {
        for (const option of acceleratorOptions(accelerators.value, accelerators.path, reading))
            options.push(option);
    }
    else {
        const instance = field("instance_type");
        if (instance)
            options.push({ name: instance.value, count: null, path: instance.path });
    }
    if (options.length === 0)
        return [{ accelerator: null, count: null, location: place }];
    return options.map((o) => {
        const origin = reading.origin(o.path);
        const written = reading.text(o.name, origin, "accelerator");
        const resolved = written === null ? null : reading.accelerator(written, origin, skypilotName);
        // A templated or unreadable accelerator leaves its count unknown too (`$GPU` holds both).
        if (written === null)
            return { accelerator: null, count: null, location: place };
        const perNode = o.count === null ? (resolved?.unit ?? null) : { value: o.count, label: `${o.count} per node (${origin.field})`, origin };
        // `tpu-v5p-8:1` is one slice of 4 chips per node; an instance type is its accelerators per node.
        const factors = o.count !== null && resolved?.unit ? [perNode, resolved.unit] : [perNode];
        return { accelerator: resolved?.accelerator ?? null, count: product([...factors, nodes], reading, origin), location: place };
    });
}
/** `H100:8`, `H100`, `['L4:1', 'H100:1']`, `{A100:1, V100:1}` (a set: keys with null values) and `{H100: 8}`. */
function acceleratorOptions(value, path, reading) {
    if (typeof value === "string")
        return [splitCount(value, path, reading)];
    if (Array.isArray(value))
        return value.map((v, i) => (typeof v === "string" ? splitCount(v, [...path, i], reading) : { name: v, count: null, path: [...path, i] }));
    if (isMapping(value)) {
        return Object.keys(value).map((k) => {
            const v = value[k];
            if (v === null || v === undefined)
                return splitCount(k, [...path, k], reading);
            const count = parseCount(typeof v === "number" ? String(v) : typeof v === "string" ? v : "", reading.origin([...path, k]), reading);
            return { name: k, count, path: [...path, k] };
        });
    }
    reading.problem("unreadable", reading.origin(path), `${reading.origin(path).field} is not an accelerator, a list or a mapping; state accelerator and count`, "accelerator");
    return [];
}
function splitCount(text, path, reading) {
    const colon = text.lastIndexOf(":");
    if (colon < 0)
        return { name: text, count: 1, path };
    return { name: text.slice(0, colon), count: parseCount(text.slice(colon + 1), reading.origin(path), reading), path };
}
/** SkyPilot counts may be fractions of a GPU (`T4:0.5`). */
function parseCount(text, origin, reading) {
    const s = reading.text(text, origin, "count");
    if (s === null)
        return null;
    const n = /^\d{1,7}(?:\.\d{1,6})?$/.test(s) ? Number(s) : NaN;
    if (!(n > 0 && n <= MAX_COUNT)) {
        reading.problem("unreadable", origin, `${origin.field} has the count ${JSON.stringify(s)}, not a number above 0; state count in the manifest entry`, "count");
        return null;
    }
    return n;
}
/** `infra: aws/us-east-1[/zone]` (`*` for any), or the older `cloud` with `region` or `zone`; null where no region is named. */
function skypilot_placeOf(field, reading) {
    const infra = field("infra");
    if (infra) {
        const origin = reading.origin(infra.path);
        const text = reading.text(infra.value, origin, "location");
        const [cloud, region] = (text ?? "").split("/");
        return cloud && region && cloud !== "*" && region !== "*" && !/^(?:k8s|kubernetes|ssh|slurm)$/i.test(cloud) ? common_location(cloud, region, origin) : null;
    }
    const cloud = field("cloud");
    const region = field("region") ?? field("zone");
    if (!cloud || !region)
        return null;
    const cloudName = reading.text(cloud.value, reading.origin(cloud.path), "location");
    const origin = reading.origin(region.path);
    const regionName = reading.text(region.value, origin, "location");
    return cloudName && regionName ? common_location(cloudName, regionName, origin) : null;
}

;// CONCATENATED MODULE: ./src/launch/slurm.ts
// SLURM batch scripts (docs/launch-configs.md#slurm): the `#SBATCH` lines as sbatch reads them — from the top, up
// to the first line that is neither blank nor a comment, each option's last value winning — read line by line
// with a bound on lines and on line length. Shell syntax in a directive is literal text to sbatch, so a `$VAR`
// there is a problem, never expanded.

/** Header lines read at most; a header longer than this is not one sbatch users write. */
const MAX_HEADER_LINES = 5000;
/** Longest directive line read; a longer one is reported and skipped. */
const MAX_LINE = 4096;
/** Short options and the long option each stands for; only the options the reader uses. */
const SHORT = { N: "nodes", n: "ntasks", G: "gpus", t: "time", p: "partition", J: "job-name" };
const USED = new Set(["gres", "gpus", "gpus-per-node", "gpus-per-task", "nodes", "ntasks", "ntasks-per-node", "time", "partition", "job-name"]);
/** The `#SBATCH` options of a script's header, each with where its value is; problems for lines over the bounds. */
function sbatchOptions(text, problems) {
    const options = new Map();
    let found = false;
    let start = 0;
    for (let line = 1; start < text.length || line === 1; line++) {
        if (line > MAX_HEADER_LINES) {
            problems.add({
                kind: "limit",
                field: "#SBATCH",
                line,
                column: 1,
                message: `the script's header is longer than ${MAX_HEADER_LINES} lines; the rest is not read`,
                needs: null,
            });
            break;
        }
        const nl = text.indexOf("\n", start);
        const end = nl < 0 ? text.length : nl;
        const next = nl < 0 ? text.length : nl + 1;
        if (end - start > MAX_LINE) {
            const directive = text.startsWith("#SBATCH", start);
            if (directive)
                problems.add({
                    kind: "limit",
                    field: "#SBATCH",
                    line,
                    column: 1,
                    message: `this #SBATCH line is longer than ${MAX_LINE} characters and is not read`,
                    needs: null,
                });
            // A long comment is still a comment; anything else starts the script.
            if (!directive && text.charCodeAt(start) !== 0x23)
                break;
            start = next;
            continue;
        }
        const raw = text.slice(start, end).replace(/\r$/, "");
        const trimmed = raw.trim();
        if (trimmed !== "" && !trimmed.startsWith("#"))
            break;
        if (raw.startsWith("#SBATCH")) {
            found = true;
            readDirective(raw, line, options, problems);
        }
        start = next;
        if (nl < 0)
            break;
    }
    return found ? options : null;
}
/** One `#SBATCH` line: options and their values, up to a `#` that starts a trailing comment. */
function readDirective(raw, line, options, problems) {
    const tokens = [];
    const re = /[^\s"']+|"[^"]*"|'[^']*'/g;
    re.lastIndex = 7;
    for (let m = re.exec(raw); m; m = re.exec(raw)) {
        if (m[0].startsWith("#"))
            break;
        tokens.push({ text: m[0].replace(/^["']|["']$/g, ""), column: m.index + 1 });
    }
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        let name;
        let value;
        if (t.text.startsWith("--")) {
            const eq = t.text.indexOf("=");
            name = eq < 0 ? t.text.slice(2) : t.text.slice(2, eq);
            if (eq >= 0)
                value = { text: t.text.slice(eq + 1), column: t.column + eq + 1 };
        }
        else if (t.text.startsWith("-") && t.text.length >= 2) {
            name = SHORT[t.text[1]];
            if (t.text.length > 2)
                value = { text: t.text.slice(2).replace(/^=/, ""), column: t.column + 2 };
        }
        if (name === undefined || !USED.has(name))
            continue;
        if (!value && tokens[i + 1] && !tokens[i + 1].text.startsWith("-"))
            value = tokens[++i];
        if (!value) {
            problems.add({ kind: "unreadable", field: `#SBATCH --${name}`, line, column: t.column, message: `#SBATCH --${name} has no value`, needs: null });
            continue;
        }
        // Later options win, as in sbatch.
        options.set(name, { value: value.text, origin: { line, column: value.column, field: `#SBATCH --${name}` } });
    }
}
function readSlurm(text, problems, aliases) {
    const options = sbatchOptions(text, problems);
    if (!options)
        return [];
    const reading = new Reading(() => ({ line: 1, column: 1 }), problems, aliases);
    const opt = (name) => options.get(name);
    const jobName = opt("job-name");
    const job = {
        format: "slurm",
        document: 0,
        name: jobName ? reading.text(jobName.value, jobName.origin, null) : null,
        line: 1,
        candidates: [],
        timeLimitHours: null,
        problems: [],
    };
    const time = opt("time");
    if (time) {
        const hours = reading.text(time.value, time.origin, "hours") === null ? null : slurmHours(time.value);
        if (hours === undefined)
            reading.problem("unreadable", time.origin, `#SBATCH --time=${time.value} is not a Slurm time limit`, null);
        else
            job.timeLimitHours = hoursLimit(hours, time.origin);
    }
    job.candidates = bounded(gpuCandidates(opt, reading), reading, { line: 1, column: 1, field: "#SBATCH" });
    return [job];
}
/** Hours of a Slurm time limit: `minutes`, `m:s`, `h:m:s`, `d-h`, `d-h:m`, `d-h:m:s`; null for no limit; undefined if unreadable. */
function slurmHours(value) {
    const v = value.trim();
    if (/^(?:0|infinite|unlimited)$/i.test(v))
        return null;
    const m = /^(?:(\d{1,5})-)?(\d{1,7})(?::(\d{1,7}))?(?::(\d{1,7}))?$/.exec(v);
    if (!m)
        return undefined;
    const [days, a, b, c] = [m[1], m[2], m[3], m[4]].map((x) => (x === undefined ? undefined : Number(x)));
    let minutes;
    if (days !== undefined)
        minutes = days * 1440 + a * 60 + (b ?? 0) + (c ?? 0) / 60;
    else if (c !== undefined)
        minutes = a * 60 + b + c / 60;
    else
        minutes = a + (b ?? 0) / 60;
    return minutes / 60;
}
/** GPUs per node × nodes, a job total, or per task × tasks; the type from the GRES or, failing that, an aliased partition. */
function gpuCandidates(opt, reading) {
    const gres = opt("gres");
    const perNodeOpt = opt("gpus-per-node");
    const total = opt("gpus");
    const perTask = opt("gpus-per-task");
    const spec = gres ? gresGpu(gres, reading) : (perNodeOpt ?? total ?? perTask) ? typedCount(perNodeOpt ?? total ?? perTask, reading) : null;
    if (!spec)
        return [{ accelerator: null, count: null, location: null }];
    const which = gres ?? perNodeOpt ?? total ?? perTask;
    // The accelerator: the GPU type if one is written, else the partition through the manifest's aliases.
    const partitions = opt("partition");
    const types = [];
    if (spec.type !== null)
        types.push({ written: spec.type, origin: which.origin });
    else if (partitions) {
        const names = (reading.text(partitions.value, partitions.origin, null) ?? "").split(",").filter((p) => p !== "");
        for (const p of names)
            if (Object.prototype.hasOwnProperty.call(reading.aliases, p))
                types.push({ written: p, origin: partitions.origin });
    }
    if (types.length === 0) {
        reading.problem("unreadable", which.origin, `${which.origin.field} names no GPU type${partitions ? ` and partition ${JSON.stringify(partitions.value.slice(0, 100))} is not in the manifest's aliases` : ""}; state accelerator, or map the site's name with aliases`, "accelerator");
    }
    const accelerators = types.length > 0 ? types.map((t) => reading.accelerator(t.written, t.origin)) : [null];
    const counts = countsOf(which, spec.count, opt, reading);
    const out = [];
    for (const accelerator of accelerators)
        for (const count of counts)
            out.push({ accelerator: accelerator?.accelerator ?? null, count, location: null });
    return out;
}
/** The count variants: one, or the two ends of a node range. */
function countsOf(which, n, opt, reading) {
    const name = which.origin.field.slice("#SBATCH --".length);
    const gpus = n === null
        ? null
        : {
            value: n,
            label: `${n} GPU${n === 1 ? "" : "s"} (${which.origin.field}${name === "gres" || name === "gpus-per-node" ? " per node" : ""})`,
            origin: which.origin,
        };
    if (name === "gpus")
        return [product([gpus], reading, which.origin)];
    if (name === "gpus-per-task") {
        const ntasks = opt("ntasks");
        if (ntasks) {
            const t = reading.count(ntasks.value, ntasks.origin);
            return [
                product([gpus, t === null ? null : { value: t, label: `${counted(t, ["task", "tasks"])} (--ntasks)`, origin: ntasks.origin }], reading, which.origin),
            ];
        }
        const perNode = opt("ntasks-per-node");
        if (!perNode) {
            reading.problem("unreadable", which.origin, "#SBATCH --gpus-per-task needs a task count (--ntasks or --ntasks-per-node) to give a total; state count", "count");
            return [null];
        }
        const t = reading.count(perNode.value, perNode.origin);
        const tasks = t === null ? null : { value: t, label: `${counted(t, ["task", "tasks"])} per node (--ntasks-per-node)`, origin: perNode.origin };
        return nodeRange(opt, reading).map((nodes) => product([gpus, tasks, nodes], reading, which.origin));
    }
    return nodeRange(opt, reading).map((nodes) => product([gpus, nodes], reading, which.origin));
}
/** `--nodes=N`, a range `min-max` or `min-max:step`, or a list `1,2,4`: its smallest and largest counts. */
function nodeRange(opt, reading) {
    const nodes = opt("nodes");
    if (!nodes)
        return [defaulted(1, "1 node (--nodes not set)")];
    const text = reading.text(nodes.value, nodes.origin, "count");
    if (text === null)
        return [null];
    let values = [];
    const range = /^(\d{1,7})(?:-(\d{1,7})(?::(\d{1,7}))?)?$/.exec(text);
    if (range) {
        const min = Number(range[1]);
        const max = range[2] === undefined ? min : Number(range[2]);
        const step = range[3] === undefined ? 1 : Number(range[3]);
        values = step > 0 && max >= min ? [min, min + Math.floor((max - min) / step) * step] : [];
    }
    else if (/^\d{1,7}(?:,\d{1,7}){1,63}$/.test(text)) {
        const list = text.split(",").map(Number);
        values = [list.reduce((a, b) => Math.min(a, b)), list.reduce((a, b) => Math.max(a, b))];
    }
    if (values.length === 0 || values[0] < 1 || values[1] > MAX_COUNT) {
        reading.problem("unreadable", nodes.origin, `#SBATCH --nodes=${text} is not a node count or range; state count`, "count");
        return [null];
    }
    const [min, max] = values;
    const factor = (n) => ({
        value: n,
        label: `${n} node${n === 1 ? "" : "s"} (--nodes=${text}${min === max ? "" : n === min ? ", fewest" : ", most"})`,
        origin: nodes.origin,
    });
    return min === max ? [factor(min)] : [factor(min), factor(max)];
}
/** `--gres=gpu[:type]:N` (a comma list of resources; the GPU one is read). */
function gresGpu(gres, reading) {
    const text = reading.text(gres.value, gres.origin, "accelerator");
    if (text === null)
        return { type: null, count: null };
    const gpus = text.split(",").filter((r) => r === "gpu" || r.startsWith("gpu:"));
    if (gpus.length === 0)
        return null;
    if (gpus.length > 1) {
        reading.problem("unsupported", gres.origin, "#SBATCH --gres asks for several kinds of GPU per node; state accelerator and count", "accelerator");
        return { type: null, count: null };
    }
    // A socket binding, gpu:2(S:0-1), is not part of the count.
    const paren = gpus[0].indexOf("(");
    const parts = (paren < 0 ? gpus[0] : gpus[0].slice(0, paren)).split(":");
    // gpu, gpu:N, gpu:type, gpu:type:N — a count defaults to one.
    const last = parts[parts.length - 1];
    const hasCount = parts.length > 1 && /^\d+$/.test(last);
    const type = parts.length === 3 || (parts.length === 2 && !hasCount) ? parts[1] : null;
    const count = hasCount ? reading.count(last, gres.origin) : 1;
    return { type, count };
}
/** `[type:]N` of --gpus, --gpus-per-node and --gpus-per-task (one type; a list of several is not read). */
function typedCount(option, reading) {
    const text = reading.text(option.value, option.origin, "count");
    if (text === null)
        return { type: null, count: null };
    if (text.includes(",")) {
        reading.problem("unsupported", option.origin, `${option.origin.field} lists several GPU types; state accelerator and count`, "accelerator");
        return { type: null, count: null };
    }
    const colon = text.lastIndexOf(":");
    return { type: colon < 0 ? null : text.slice(0, colon), count: reading.count(colon < 0 ? text : text.slice(colon + 1), option.origin) };
}

;// CONCATENATED MODULE: ./src/launch/vertex.ts


function readVertex(data, reading, document, line) {
    const base = get(data, "workerPoolSpecs") !== undefined ? [] : ["jobSpec"];
    const spec = base.length === 0 ? data : get(data, "jobSpec");
    const pools = get(spec, "workerPoolSpecs");
    if (!Array.isArray(pools))
        return null;
    const name = get(data, "displayName");
    const job = {
        format: "vertex",
        document,
        name: typeof name === "string" ? reading.text(name, reading.origin(["displayName"]), null) : null,
        line,
        candidates: [],
        timeLimitHours: null,
        problems: [],
    };
    const timeout = get(get(spec, "scheduling"), "timeout");
    if (timeout !== undefined) {
        const origin = reading.origin([...base, "scheduling", "timeout"]);
        const text = reading.text(timeout, origin, "hours");
        const m = text === null ? null : /^(\d{1,9})(?:\.\d{1,9})?s$/.exec(text);
        if (text !== null && !m)
            reading.problem("unreadable", origin, `scheduling.timeout ${JSON.stringify(text)} is not a duration in seconds ("7200s")`, null);
        if (m)
            job.timeLimitHours = hoursLimit(Number(m[1]) / 3600, origin);
    }
    let accelerator = null;
    const counts = [];
    let unreadable = false;
    pools.forEach((pool, i) => {
        const machine = get(pool, "machineSpec");
        const at = [...base, "workerPoolSpecs", i, "machineSpec"];
        const type = get(machine, "acceleratorType");
        const machineType = get(machine, "machineType");
        // An empty placeholder pool, or one of CPUs only.
        if (type === undefined && machineType === undefined)
            return;
        const written = type ?? machineType;
        const origin = reading.origin([...at, type === undefined ? "machineType" : "acceleratorType"]);
        const text = reading.text(written, origin, "accelerator");
        const resolved = text === null ? null : reading.accelerator(text, origin);
        if (type === undefined && !resolved?.unit)
            return;
        if (!resolved)
            return void (unreadable = true);
        if (accelerator && accelerator.accelerator.id !== resolved.accelerator.id) {
            reading.problem("unsupported", origin, "the worker pools use different accelerators; state accelerator and count in the manifest entry", "accelerator");
            return void (unreadable = true);
        }
        accelerator ??= resolved;
        const replicas = get(pool, "replicaCount");
        const replicaPath = [...base, "workerPoolSpecs", i, "replicaCount"];
        const r = replicas === undefined
            ? defaulted(1, `1 replica (workerPoolSpecs[${i}].replicaCount not set)`)
            : countFactor(replicas, replicaPath, ["replica", "replicas"], reading);
        const perReplica = type === undefined ? resolved.unit : acceleratorCount(get(machine, "acceleratorCount"), [...at, "acceleratorCount"], text, reading);
        const count = product([perReplica, r], reading, origin);
        if (count)
            counts.push(count);
        else
            unreadable = true;
    });
    const count = unreadable || counts.length === 0 ? null : sum(counts);
    job.candidates = [{ accelerator: accelerator?.accelerator ?? null, count, location: null }];
    return job;
}
function countFactor(value, path, noun, reading) {
    const origin = reading.origin(path);
    const n = reading.count(value, origin);
    return n === null ? null : { value: n, label: `${counted(n, noun)} (${origin.field})`, origin };
}
/** Accelerators per replica; TPU v2 and v3 are counted in TensorCores, as their slice names are (8 = 4 chips). */
function acceleratorCount(value, path, type, reading) {
    const factor = countFactor(value ?? 1, path, ["accelerator per replica", "accelerators per replica"], reading);
    const generation = /^TPU_(V2|V3)$/i.exec(type)?.[1];
    if (!factor || !generation)
        return factor;
    const slice = (0,tpu/* findTpuSlice */.V)(`${generation.toLowerCase()}-${factor.value}`);
    if (slice === null || typeof slice === "string") {
        reading.problem("unreadable", factor.origin, `${typeof slice === "string" ? slice : "not a TPU slice"}; state count`, "count");
        return null;
    }
    return { value: slice.chips, label: `${slice.chips} chips per replica (${slice.note})`, origin: factor.origin };
}

;// CONCATENATED MODULE: ./src/launch/types.ts
// What a launch config states, as the readers in this folder return it (docs/manifest.md, "Reading launch
// configs"). The readers are pure: text in, facts with their positions out; nothing is expanded or executed.
const LAUNCH_FORMATS = ["skypilot", "slurm", "kubernetes", "dstack", "vertex"];
// The readers' entry points (./index.ts):
//   readLaunchConfig(text: string, options?: LaunchReadOptions): Promise<LaunchRead>  — async, as YAML goes through
//     the manifest's front end (src/manifest/yaml/), which loads the yaml library only when it is needed
//   recogniseLaunchFormat(text: string, path: string): LaunchFormat | null   — by content (path only as a hint)

;// CONCATENATED MODULE: ./src/launch/index.ts








/**
 * The manifest's limits, but for documents per file (Kubernetes files hold many) and depth: a JobSet's pod
 * template's node affinity sits 16 collections deep, so configs may nest twice as deep as a manifest.
 */
const LAUNCH_LIMITS = { name: "launch config", maxBytes: 1024 * 1024, maxDepth: 32, maxDocuments: 1000 };
const READERS = { skypilot: readSkyPilot, kubernetes: readKubernetes, dstack: readDstack, vertex: readVertex };
async function readLaunchConfig(text, options = {}) {
    const format = options.format ?? recogniseLaunchFormat(text, "");
    const problems = new Problems();
    const aliases = options.aliases ?? {};
    if (format === null)
        return { format: null, jobs: [], problems: [] };
    if (Buffer.byteLength(text, "utf8") > LAUNCH_LIMITS.maxBytes) {
        problems.add({
            kind: "limit",
            field: "(file)",
            line: 1,
            column: 1,
            message: `the launch config is larger than ${LAUNCH_LIMITS.maxBytes} bytes`,
            needs: null,
        });
        return { format, jobs: [], problems: problems.list };
    }
    if (format === "slurm")
        return none(split(format, readSlurm(text, problems, aliases), problems));
    const invalid = (message, pos = { line: 1, column: 1 }) => ({
        rule: "manifest/invalid",
        severity: "error",
        message,
        file: "",
        ...pos,
    });
    const read = await (0,yaml/* readYaml */.g)(text, LAUNCH_LIMITS, invalid);
    if ("findings" in read) {
        for (const f of read.findings)
            problems.add({ kind: "unreadable", field: "(file)", line: f.line, column: f.column, message: f.message, needs: null });
        return { format, jobs: [], problems: problems.list };
    }
    const jobs = [];
    read.documents.forEach((doc, i) => {
        const before = problems.list.length;
        const job = READERS[format](doc.data, Reading.yaml(doc.locator, problems, aliases), i, doc.line);
        if (job) {
            job.problems = problems.list.slice(before);
            jobs.push(job);
        }
    });
    return none({ format, jobs, problems: problems.list.filter((p) => !jobs.some((j) => j.problems.includes(p))) });
}
const WHAT = {
    skypilot: "SkyPilot task (resources, num_nodes, run)",
    slurm: "#SBATCH line before the script's first command",
    kubernetes: `Kubernetes workload of a kind read here (${WORKLOAD_KINDS.join(", ")})`,
    dstack: "dstack task, service or dev-environment",
    vertex: "Vertex AI workerPoolSpecs",
};
/** A file read in a format (stated or recognised) that holds nothing of it says so. */
function none(read) {
    if (read.jobs.length > 0 || read.problems.length > 0 || read.format === null)
        return read;
    const message = `the file holds no ${WHAT[read.format]}`;
    return { ...read, problems: [{ kind: "unsupported", field: "(file)", line: 1, column: 1, message, needs: null }] };
}
/** A SLURM script has one job: its problems are the job's, but for the file's own (over a bound). */
function split(format, jobs, problems) {
    const own = problems.list.filter((p) => p.kind !== "limit");
    for (const job of jobs)
        job.problems = own;
    return { format, jobs, problems: problems.list.filter((p) => !own.includes(p)) };
}
/** Characters of a file looked at to recognise it: formats show themselves in their first lines. */
const SNIFF = 64 * 1024;
const KINDS = new Set(WORKLOAD_KINDS);
const SKYPILOT_KEYS = new Set(["resources", "run", "setup", "num_nodes", "envs", "workdir", "file_mounts", "secrets", "service", "name", "config", "volumes"]);
/**
 * The format of a config by its content (the path only breaks a tie: dstack files end `.dstack.yml`), or null for
 * a file that is none of them. Reads at most SNIFF characters, line by line, without parsing.
 */
function recogniseLaunchFormat(text, path) {
    const head = text.slice(0, SNIFF);
    const top = new Set();
    let kind;
    let type;
    let beforeCommand = true;
    for (const raw of head.split("\n")) {
        const line = raw.replace(/\r$/, "");
        if (beforeCommand) {
            if (line.startsWith("#SBATCH"))
                return "slurm";
            if (line.trim() !== "" && !line.trim().startsWith("#"))
                beforeCommand = false;
        }
        // Top-level keys: `key:` in column 0.
        const m = /^([A-Za-z_][\w-]{0,40}):(?:\s|$)/.exec(line);
        if (!m)
            continue;
        top.add(m[1]);
        const value = line.slice(m[0].length).trim();
        if (m[1] === "kind" && KINDS.has(value))
            kind = value;
        if (m[1] === "type")
            type = value;
    }
    if (kind && top.has("apiVersion"))
        return "kubernetes";
    if (top.has("workerPoolSpecs") || (top.has("jobSpec") && head.includes("workerPoolSpecs:")))
        return "vertex";
    if (type !== undefined &&
        ["task", "service", "dev-environment"].includes(type) &&
        (/\.dstack\.ya?ml$/.test(path) || top.has("commands") || top.has("resources")))
        return "dstack";
    const keys = [...top];
    if (keys.length > 0 &&
        (top.has("resources") || top.has("num_nodes")) &&
        (top.has("run") || top.has("setup") || top.has("num_nodes")) &&
        keys.every((k) => SKYPILOT_KEYS.has(k))) {
        return "skypilot";
    }
    return null;
}


/***/ })

};
;