//! Training and evaluation: the labelled corpus, elastic-net logistic regression, cross-validation
//! and the accuracy report.
//!
//! Training is deterministic: examples are taken in the order given (the caller sorts the corpus
//! files by name), features are ordered by name, the optimiser (FISTA, an accelerated proximal
//! gradient method) runs a fixed number of full-batch steps from zero, and weights are rounded to
//! the model's scale. The same corpus gives the same model file, byte for byte.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::features::{extract, Feature};
use super::model::{quantized_head, Model};
use super::text::tokenize;
use crate::core::scorecard::{Rating, MAX_TEXT_CHARS};

/// One labelled note.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    pub text: String,
    pub capability: String,
    pub level: Rating,
}

/// Reads a JSON-lines corpus: `{"text", "capability", "level"}` per line. `source` names the file
/// in errors ("train/business_impact.jsonl:12: ...").
pub fn parse_corpus(source: &str, text: &str) -> Result<Vec<Example>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{source}:{}", i + 1);
        // The crate's reader: a note with two "text" keys is refused, not read as its last.
        let v: Value = crate::core::json::parse(line).map_err(|e| format!("{at}: not JSON: {e}"))?;
        let field = |k: &str| -> Result<String, String> {
            v.get(k)
                .and_then(Value::as_str)
                .map(str::to_string)
                .ok_or_else(|| format!("{at}: \"{k}\" must be a string"))
        };
        let text = field("text")?;
        if text.trim().is_empty() || text.chars().count() > MAX_TEXT_CHARS {
            return Err(format!("{at}: \"text\" must be 1 to {MAX_TEXT_CHARS} characters"));
        }
        let capability = field("capability")?;
        let level_id = field("level")?;
        let level = Rating::from_id(&level_id).filter(|r| *r != Rating::NotAssessed).ok_or_else(|| {
            format!("{at}: \"level\" must be needs_improvement, meets or exceeds, found \"{level_id}\"")
        })?;
        out.push(Example { text, capability, level });
    }
    Ok(out)
}

/// Hyper-parameters of training. [`TrainConfig::default`] is what the shipped model uses; it was
/// chosen by 5-fold cross-validation on the training split (see BENCHMARKS.md).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainConfig {
    /// L1 strength of the capability head (sparsity: a smaller model).
    pub cap_l1: f64,
    /// L2 strength of the capability head.
    pub cap_l2: f64,
    pub level_l1: f64,
    pub level_l2: f64,
    /// Full-batch optimisation steps per head.
    pub iterations: usize,
    /// A feature must occur in at least this many training notes to get a weight.
    pub min_df: usize,
    /// Stored weights are integers divided by this.
    pub scale: f32,
    /// Weight of the naive Bayes log-likelihoods added to the capability head (0: none).
    pub nb_weight: f64,
    /// A feature whose largest centred weight is below this is dropped (a smaller model).
    pub prune: f64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            cap_l1: 0.0,
            cap_l2: 3e-5,
            level_l1: 5e-5,
            level_l2: 1e-4,
            iterations: 800,
            min_df: 4,
            scale: 15.0,
            nb_weight: 2.0,
            prune: 1.7,
        }
    }
}

/// The level classes, in model order.
pub const LEVEL_CLASSES: [Rating; 3] = [Rating::NeedsImprovement, Rating::Meets, Rating::Exceeds];

/// A sparse design matrix in compressed rows.
struct Matrix {
    rows: Vec<Vec<(u32, f64)>>,
    names: Vec<String>,
}

/// Builds the design matrix of one head: features kept when they reach `min_df` notes.
fn matrix(vectors: &[Vec<Feature>], min_df: usize) -> Matrix {
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    for v in vectors {
        let mut seen = BTreeSet::new();
        for f in v {
            if seen.insert(f.name.as_str()) {
                *df.entry(f.name.as_str()).or_default() += 1;
            }
        }
    }
    let names: Vec<String> = df.iter().filter(|(_, n)| **n >= min_df).map(|(k, _)| k.to_string()).collect();
    let index: BTreeMap<&str, u32> = names.iter().enumerate().map(|(i, n)| (n.as_str(), i as u32)).collect();
    let rows = vectors
        .iter()
        .map(|v| {
            let mut row: Vec<(u32, f64)> =
                v.iter().filter_map(|f| index.get(f.name.as_str()).map(|i| (*i, f.value as f64))).collect();
            row.sort_by_key(|(i, _)| *i);
            row
        })
        .collect();
    Matrix { rows, names }
}

/// Trains one softmax head with elastic-net regularisation by FISTA. Returns (bias, weights).
fn fit(m: &Matrix, labels: &[usize], k: usize, l1: f64, l2: f64, iterations: usize) -> (Vec<f64>, Vec<f64>) {
    let f = m.names.len();
    let n = m.rows.len().max(1) as f64;
    // The gradient of the mean cross-entropy is Lipschitz with constant at most
    // 0.5 * max |x|^2 (plus the bias input of 1), and features are unit length.
    let max_sq = m.rows.iter().map(|r| r.iter().map(|(_, v)| v * v).sum::<f64>()).fold(0.0, f64::max) + 1.0;
    let step = 1.0 / (0.5 * max_sq + l2);
    let mut w = vec![0.0f64; f * k];
    let mut b = vec![0.0f64; k];
    let mut zw = w.clone();
    let mut zb = b.clone();
    let mut t = 1.0f64;
    let mut gw = vec![0.0f64; f * k];
    let mut gb = vec![0.0f64; k];
    let mut logits = vec![0.0f64; k];
    for _ in 0..iterations {
        gw.iter_mut().for_each(|g| *g = 0.0);
        gb.iter_mut().for_each(|g| *g = 0.0);
        for (row, &y) in m.rows.iter().zip(labels) {
            logits.copy_from_slice(&zb);
            for &(j, v) in row {
                let base = j as usize * k;
                for c in 0..k {
                    logits[c] += zw[base + c] * v;
                }
            }
            let max = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let mut sum = 0.0;
            for l in logits.iter_mut() {
                *l = (*l - max).exp();
                sum += *l;
            }
            for (c, l) in logits.iter_mut().enumerate() {
                *l = *l / sum - if c == y { 1.0 } else { 0.0 };
                gb[c] += *l / n;
            }
            for &(j, v) in row {
                let base = j as usize * k;
                for c in 0..k {
                    gw[base + c] += logits[c] * v / n;
                }
            }
        }
        let t_next = (1.0 + (1.0 + 4.0 * t * t).sqrt()) / 2.0;
        let momentum = (t - 1.0) / t_next;
        for i in 0..f * k {
            let g = gw[i] + l2 * zw[i];
            let x = zw[i] - step * g;
            let shrunk = x.signum() * (x.abs() - step * l1).max(0.0);
            zw[i] = shrunk + momentum * (shrunk - w[i]);
            w[i] = shrunk;
        }
        for c in 0..k {
            let x = zb[c] - step * gb[c];
            zb[c] = x + momentum * (x - b[c]);
            b[c] = x;
        }
        t = t_next;
    }
    (b, w)
}

/// Trains a model on labelled notes.
pub fn train(examples: &[Example], config: &TrainConfig) -> Model {
    let mut cap_classes: Vec<String> =
        examples.iter().map(|e| e.capability.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    if cap_classes.len() < 2 {
        // A head needs two classes; a corpus with one capability still yields a loadable model.
        cap_classes.push("unknown".into());
    }
    let feats: Vec<_> = examples.iter().map(|e| extract(&tokenize(&e.text))).collect();
    let cap_labels: Vec<usize> =
        examples.iter().map(|e| cap_classes.iter().position(|c| *c == e.capability).unwrap_or(0)).collect();
    let level_labels: Vec<usize> =
        examples.iter().map(|e| LEVEL_CLASSES.iter().position(|l| *l == e.level).unwrap_or(1)).collect();

    let cap_vectors: Vec<Vec<Feature>> = feats.iter().map(|f| f.capability.clone()).collect();
    let cm = matrix(&cap_vectors, config.min_df);
    let (mut cb, mut cw) = fit(&cm, &cap_labels, cap_classes.len(), config.cap_l1, config.cap_l2, config.iterations);
    if config.nb_weight > 0.0 {
        // Interpolate with naive Bayes: both are linear in the same features, so the sum is one
        // weight matrix. Naive Bayes trusts rare topic words more than the regularised
        // regression does, which helps on short notes.
        let (nb_b, nb_w) = naive_bayes(&cm, &cap_labels, cap_classes.len(), 1.0);
        for (w, n) in cw.iter_mut().zip(&nb_w) {
            *w += config.nb_weight * n;
        }
        for (w, n) in cb.iter_mut().zip(&nb_b) {
            *w += config.nb_weight * n;
        }
    }
    prune(&mut cw, cap_classes.len(), config.prune);

    let level_vectors: Vec<Vec<Feature>> = feats.iter().map(|f| f.level.clone()).collect();
    let lm = matrix(&level_vectors, config.min_df);
    let (lb, mut lw) = fit(&lm, &level_labels, 3, config.level_l1, config.level_l2, config.iterations);
    prune(&mut lw, 3, config.prune);

    Model {
        capability: quantized_head(cap_classes, &cb, &cm.names, &cw, config.scale),
        level: quantized_head(
            LEVEL_CLASSES.iter().map(|l| l.id().to_string()).collect(),
            &lb,
            &lm.names,
            &lw,
            config.scale,
        ),
        scale: config.scale,
    }
}

/// Accuracy and confusion matrices of a model on labelled notes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evaluation {
    pub count: usize,
    pub capability_accuracy: f64,
    pub level_accuracy: f64,
    pub joint_accuracy: f64,
    /// Capability ids in matrix order.
    pub capabilities: Vec<String>,
    /// `capability_confusion[true][predicted]`.
    pub capability_confusion: Vec<Vec<usize>>,
    /// `level_confusion[true][predicted]`, in needs_improvement, meets, exceeds order.
    pub level_confusion: [[usize; 3]; 3],
}

/// Evaluates a model on labelled notes.
pub fn evaluate(model: &Model, examples: &[Example]) -> Evaluation {
    let caps = model.capability.classes.clone();
    let mut ev = Evaluation {
        count: examples.len(),
        capability_confusion: vec![vec![0; caps.len()]; caps.len()],
        capabilities: caps.clone(),
        ..Evaluation::default()
    };
    let (mut cap_ok, mut lvl_ok, mut joint_ok) = (0usize, 0usize, 0usize);
    for e in examples {
        let p = super::predict(model, &e.text);
        let Some(p) = p else { continue };
        let c_ok = p.capability == e.capability;
        let l_ok = p.level == e.level;
        cap_ok += c_ok as usize;
        lvl_ok += l_ok as usize;
        joint_ok += (c_ok && l_ok) as usize;
        if let (Some(t), Some(q)) =
            (caps.iter().position(|c| *c == e.capability), caps.iter().position(|c| *c == p.capability))
        {
            if let Some(cell) = ev.capability_confusion.get_mut(t).and_then(|r| r.get_mut(q)) {
                *cell += 1;
            }
        }
        if let (Some(t), Some(q)) =
            (LEVEL_CLASSES.iter().position(|l| *l == e.level), LEVEL_CLASSES.iter().position(|l| *l == p.level))
        {
            ev.level_confusion[t][q] += 1;
        }
    }
    let n = examples.len().max(1) as f64;
    ev.capability_accuracy = cap_ok as f64 / n;
    ev.level_accuracy = lvl_ok as f64 / n;
    ev.joint_accuracy = joint_ok as f64 / n;
    ev
}

/// K-fold cross-validation on the training split: each note is scored by a model that never saw
/// it. Folds are assigned round-robin within each (capability, level) group, so they are
/// stratified and deterministic.
pub fn cross_validate(examples: &[Example], config: &TrainConfig, folds: usize) -> Evaluation {
    cross_validate_with_errors(examples, config, folds, &mut |_, _| {})
}

/// [`cross_validate`], calling `on_error` with each note the held-back model got wrong and the
/// (capability, level) it predicted.
pub fn cross_validate_with_errors(
    examples: &[Example],
    config: &TrainConfig,
    folds: usize,
    on_error: &mut dyn FnMut(&Example, (String, Rating)),
) -> Evaluation {
    let folds = folds.max(2);
    let mut counters: BTreeMap<(String, Rating), usize> = BTreeMap::new();
    let fold_of: Vec<usize> = examples
        .iter()
        .map(|e| {
            let c = counters.entry((e.capability.clone(), e.level)).or_default();
            *c += 1;
            *c % folds
        })
        .collect();
    let mut total = Evaluation::default();
    let mut weighted = (0.0, 0.0, 0.0);
    for k in 0..folds {
        let train_set: Vec<Example> =
            examples.iter().zip(&fold_of).filter(|(_, f)| **f != k).map(|(e, _)| e.clone()).collect();
        let test_set: Vec<Example> =
            examples.iter().zip(&fold_of).filter(|(_, f)| **f == k).map(|(e, _)| e.clone()).collect();
        let model = train(&train_set, config);
        let ev = evaluate(&model, &test_set);
        for e in &test_set {
            if let Some(p) = super::predict(&model, &e.text) {
                if p.capability != e.capability || p.level != e.level {
                    on_error(e, (p.capability, p.level));
                }
            }
        }
        let n = ev.count as f64;
        weighted.0 += ev.capability_accuracy * n;
        weighted.1 += ev.level_accuracy * n;
        weighted.2 += ev.joint_accuracy * n;
        if total.capabilities.is_empty() {
            total.capabilities = ev.capabilities.clone();
            total.capability_confusion = ev.capability_confusion.clone();
        } else if total.capabilities == ev.capabilities {
            for (a, b) in total.capability_confusion.iter_mut().zip(&ev.capability_confusion) {
                for (x, y) in a.iter_mut().zip(b) {
                    *x += y;
                }
            }
        }
        for t in 0..3 {
            for q in 0..3 {
                total.level_confusion[t][q] += ev.level_confusion[t][q];
            }
        }
        total.count += ev.count;
    }
    let n = total.count.max(1) as f64;
    total.capability_accuracy = weighted.0 / n;
    total.level_accuracy = weighted.1 / n;
    total.joint_accuracy = weighted.2 / n;
    total
}

/// Multinomial naive Bayes over binary presence: (log prior, centred log likelihoods).
fn naive_bayes(m: &Matrix, labels: &[usize], k: usize, alpha: f64) -> (Vec<f64>, Vec<f64>) {
    let f = m.names.len();
    let mut counts = vec![0.0f64; f * k];
    let mut totals = vec![0.0f64; k];
    let mut docs = vec![0.0f64; k];
    for (row, &y) in m.rows.iter().zip(labels) {
        docs[y] += 1.0;
        for &(j, _) in row {
            counts[j as usize * k + y] += 1.0;
            totals[y] += 1.0;
        }
    }
    let n: f64 = docs.iter().sum();
    let prior: Vec<f64> = docs.iter().map(|d| ((d + 1.0) / (n + k as f64)).ln()).collect();
    let mut w = vec![0.0; f * k];
    for j in 0..f {
        let logs: Vec<f64> =
            (0..k).map(|c| ((counts[j * k + c] + alpha) / (totals[c] + alpha * f as f64)).ln()).collect();
        let mean = logs.iter().sum::<f64>() / k as f64;
        for c in 0..k {
            w[j * k + c] = logs[c] - mean;
        }
    }
    (prior, w)
}

/// Zeroes every weight row whose spread (largest minus smallest weight) is below `threshold`:
/// such a feature barely moves any decision. Softmax ignores a constant added to a row, so the
/// row is also centred, which keeps the stored numbers small.
fn prune(w: &mut [f64], k: usize, threshold: f64) {
    for row in w.chunks_mut(k.max(1)) {
        let max = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let min = row.iter().copied().fold(f64::INFINITY, f64::min);
        if max - min < threshold {
            row.iter_mut().for_each(|x| *x = 0.0);
        } else {
            let mean = row.iter().sum::<f64>() / row.len() as f64;
            row.iter_mut().for_each(|x| *x -= mean);
        }
    }
}
