//! The model: two linear heads (capability and level) over sparse features, and its text format.
//!
//! The file is plain text so that a diff of a retrained model is readable:
//!
//! ```text
//! scorecard-classifier 1
//! scale 100
//! head capability business_impact communication_collaboration ...
//! bias 12 -3 0 4 1 -9
//! cost\t0 0 151 -20 0 0
//! ...
//! head level needs_improvement meets exceeds
//! bias 0 5 -5
//! !need\t-40 10 30
//! end
//! ```
//!
//! Weights are integers divided by `scale`, which keeps the file small, makes retraining
//! byte-for-byte reproducible, and absorbs the last-bit differences of floating point between
//! machines. A feature name never holds a tab; every feature line has one and no other line
//! does, so a feature may be named "head" or "end".

use super::features::Feature;
use super::fxhash::FxHashMap;

/// The first line of every model file.
pub const MAGIC: &str = "scorecard-classifier 1";

/// One linear softmax classifier.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Head {
    /// Class ids, in the order of every weight row.
    pub classes: Vec<String>,
    pub bias: Vec<f32>,
    /// Feature name to row index in `weights`.
    pub index: FxHashMap<String, usize>,
    /// Feature names in file order (for writing).
    pub names: Vec<String>,
    /// Row-major: `weights[row * classes.len() + class]`.
    pub weights: Vec<f32>,
}

impl Head {
    /// The weight row of a feature, if the model knows it.
    pub fn row(&self, name: &str) -> Option<&[f32]> {
        let k = self.classes.len();
        let r = *self.index.get(name)?;
        self.weights.get(r * k..(r + 1) * k)
    }

    /// The weight rows of a feature vector, looked up once: `None` for features the model
    /// does not know.
    pub fn lookup<'a>(&'a self, features: &[Feature]) -> Vec<Option<&'a [f32]>> {
        features.iter().map(|f| self.row(&f.name)).collect()
    }

    /// The logits of each class, from a feature vector and its looked-up rows.
    pub fn logits_at(&self, features: &[Feature], rows: &[Option<&[f32]>]) -> Vec<f32> {
        let mut out = self.bias.clone();
        for (f, row) in features.iter().zip(rows) {
            if let Some(row) = row {
                for (o, w) in out.iter_mut().zip(row.iter()) {
                    *o += w * f.value;
                }
            }
        }
        out
    }

    /// Class probabilities for a feature vector.
    pub fn probabilities(&self, features: &[Feature]) -> Vec<f32> {
        softmax(&self.logits_at(features, &self.lookup(features)))
    }

    /// How much a feature pushes towards class `c` over the average class.
    pub fn contribution(row: Option<&[f32]>, value: f32, c: usize) -> f32 {
        let Some(row) = row else { return 0.0 };
        let mean = row.iter().sum::<f32>() / row.len().max(1) as f32;
        row.get(c).map_or(0.0, |w| (w - mean) * value)
    }
}

/// A numerically safe softmax.
pub fn softmax(logits: &[f32]) -> Vec<f32> {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exps: Vec<f32> = logits.iter().map(|l| (l - max).exp()).collect();
    let sum: f32 = exps.iter().sum();
    if !(sum.is_finite() && sum > 0.0) {
        let n = logits.len().max(1) as f32;
        return vec![1.0 / n; logits.len()];
    }
    exps.into_iter().map(|e| e / sum).collect()
}

/// The whole classifier model.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    pub capability: Head,
    pub level: Head,
    /// The divisor of the stored integer weights.
    pub scale: f32,
}

/// Builds a head from float weights, keeping only features with a non-zero stored weight.
pub fn quantized_head(classes: Vec<String>, bias: &[f64], names: &[String], weights: &[f64], scale: f32) -> Head {
    let k = classes.len();
    let q = |w: f64| ((w * scale as f64).round() as i64).clamp(-1_000_000, 1_000_000);
    let mut head = Head { classes, bias: bias.iter().map(|b| q(*b) as f32 / scale).collect(), ..Head::default() };
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by(|a, b| names[*a].cmp(&names[*b]));
    for r in order {
        let Some(row) = weights.get(r * k..(r + 1) * k) else { continue };
        let ints: Vec<i64> = row.iter().map(|w| q(*w)).collect();
        if ints.iter().all(|w| *w == 0) {
            continue;
        }
        head.index.insert(names[r].clone(), head.names.len());
        head.names.push(names[r].clone());
        head.weights.extend(ints.iter().map(|w| *w as f32 / scale));
    }
    head
}

impl Model {
    /// Writes the model in its text format. Writing then parsing gives the same model.
    pub fn to_text(&self) -> String {
        let mut out = String::with_capacity(64 * 1024);
        out.push_str(MAGIC);
        out.push('\n');
        out.push_str(&format!("scale {}\n", self.scale));
        let int = |w: f32| ((w * self.scale).round() as i64).to_string();
        for (name, head) in [("capability", &self.capability), ("level", &self.level)] {
            out.push_str(&format!("head {name} {}\n", head.classes.join(" ")));
            out.push_str("bias ");
            out.push_str(&head.bias.iter().map(|w| int(*w)).collect::<Vec<_>>().join(" "));
            out.push('\n');
            let k = head.classes.len();
            for (r, feature) in head.names.iter().enumerate() {
                let row = head.weights.get(r * k..(r + 1) * k).unwrap_or(&[]);
                out.push_str(feature);
                out.push('\t');
                out.push_str(&row.iter().map(|w| int(*w)).collect::<Vec<_>>().join(" "));
                out.push('\n');
            }
        }
        out.push_str("end\n");
        out
    }

    /// Parses the text format. The error names the line and what was expected.
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut lines = text.lines().enumerate();
        match lines.next() {
            Some((_, l)) if l.trim_end() == MAGIC => {}
            _ => return Err(format!("line 1: expected \"{MAGIC}\"")),
        }
        let scale: f32 = match lines.next() {
            Some((_, l)) => l
                .strip_prefix("scale ")
                .and_then(|s| s.trim().parse::<u32>().ok())
                .filter(|s| *s > 0)
                .map(|s| s as f32)
                .ok_or_else(|| "line 2: expected \"scale N\" with N a whole number above 0".to_string())?,
            None => return Err("line 2: expected \"scale N\"".into()),
        };
        let mut model = Model { scale, ..Model::default() };
        let mut current: Option<(&str, Head)> = None;
        let mut ended = false;
        let ints = |s: &str, n: usize, line: usize| -> Result<Vec<f32>, String> {
            let v: Result<Vec<f32>, _> = s.split(' ').map(|x| x.parse::<i64>().map(|i| i as f32 / scale)).collect();
            let v = v.map_err(|_| format!("line {line}: expected whole numbers"))?;
            if v.len() != n {
                return Err(format!("line {line}: expected {n} weights, found {}", v.len()));
            }
            Ok(v)
        };
        let finish = |model: &mut Model, cur: Option<(&str, Head)>| match cur {
            Some(("capability", h)) => model.capability = h,
            Some((_, h)) => model.level = h,
            None => {}
        };
        for (i, line) in lines {
            let n = i + 1;
            if ended {
                if line.trim().is_empty() {
                    continue;
                }
                return Err(format!("line {n}: text after \"end\""));
            }
            if let Some((feature, weights)) = line.split_once('\t') {
                let Some((_, head)) = current.as_mut() else {
                    return Err(format!("line {n}: a feature before \"head\""));
                };
                let w = ints(weights, head.classes.len(), n)?;
                if head.index.insert(feature.to_string(), head.names.len()).is_some() {
                    return Err(format!("line {n}: feature \"{feature}\" appears twice"));
                }
                head.names.push(feature.to_string());
                head.weights.extend(w);
            } else if let Some(rest) = line.strip_prefix("head ") {
                let mut parts = rest.split(' ');
                let name = match parts.next() {
                    Some("capability") => "capability",
                    Some("level") => "level",
                    _ => return Err(format!("line {n}: expected \"head capability ...\" or \"head level ...\"")),
                };
                let classes: Vec<String> = parts.filter(|p| !p.is_empty()).map(str::to_string).collect();
                if classes.len() < 2 {
                    return Err(format!("line {n}: a head needs at least two classes"));
                }
                finish(&mut model, current.take());
                current = Some((name, Head { classes, ..Head::default() }));
            } else if let Some(rest) = line.strip_prefix("bias ") {
                let Some((_, head)) = current.as_mut() else {
                    return Err(format!("line {n}: \"bias\" before \"head\""));
                };
                head.bias = ints(rest, head.classes.len(), n)?;
            } else if line == "end" {
                finish(&mut model, current.take());
                ended = true;
            } else {
                return Err(format!("line {n}: expected \"feature<TAB>weights\", \"head\", \"bias\" or \"end\""));
            }
        }
        if !ended {
            return Err("the model ends without \"end\"; the file is cut short".into());
        }
        for (name, head) in [("capability", &model.capability), ("level", &model.level)] {
            if head.classes.is_empty() {
                return Err(format!("the model has no {name} head"));
            }
            if head.bias.len() != head.classes.len() {
                return Err(format!("the {name} head has no bias line"));
            }
        }
        if model.level.classes.iter().any(|c| crate::core::scorecard::Rating::from_id(c).is_none()) {
            return Err("the level head's classes must be needs_improvement, meets and exceeds".into());
        }
        Ok(model)
    }
}
