"""The report as one self-contained HTML page: tables of figures, and matplotlib plots inlined as
base64 PNG images (no script, no stylesheet or font from elsewhere: it opens offline)."""

from __future__ import annotations

import base64
import html as _html
import io
import math
from typing import Any

PLOTS_PER_ROW = 4
SOURCE_COLOR, SYNTH_COLOR = "#4c72b0", "#dd8452"


def _e(x: Any) -> str:
    return _html.escape(str(x))


def _num(v: Any, digits: int = 3) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        if abs(v) >= 1e6 or (v != 0 and abs(v) < 1e-3):
            return f"{v:.3g}"
        return f"{v:.{digits}f}".rstrip("0").rstrip(".") if "." in f"{v:.{digits}f}" else f"{v:.{digits}f}"
    return _e(v)


def _png(fig) -> str:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=72)
    plt.close(fig)
    return f'<img alt="plot" src="data:image/png;base64,{base64.b64encode(buf.getvalue()).decode()}">'


def _grid(n: int):
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    cols = min(PLOTS_PER_ROW, n)
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(3.4 * cols, 0.5 + 2.6 * rows), squeeze=False)
    fig.subplots_adjust(left=0.06, right=0.98, bottom=0.12, top=1 - 0.45 / (0.5 + 2.6 * rows), hspace=0.75,
                        wspace=0.3)
    for ax in axes.flat[n:]:
        ax.axis("off")
    return fig, list(axes.flat)


def _bars(ax, labels: list[str], a: list[int], b: list[int], title: str, every: int = 1) -> None:
    """Source (filled) and synthetic (outline) shares per bucket, overlaid: two artists per plot."""
    import numpy as np

    sa, sb = sum(a) or 1, sum(b) or 1
    edges = np.arange(len(labels) + 1) - 0.5
    ax.stairs([v / sa for v in a], edges, fill=True, color=SOURCE_COLOR, alpha=0.45, label="source")
    ax.stairs([v / sb for v in b], edges, color=SYNTH_COLOR, linewidth=1.6, label="synthetic")
    ax.set_title(title, fontsize=9)
    x = np.arange(len(labels))
    ax.set_xticks(x[::every])
    ax.set_xticklabels(labels[::every], rotation=45 if every == 1 and len(labels) > 4 else 0,
                       ha="right" if every == 1 and len(labels) > 4 else "center", fontsize=6)
    ax.set_yticks([])  # shares of each side; the y scale adds text (slow to draw) and little meaning


def _varies(tf: dict, cf: dict) -> bool:
    """More than one distinct value in the source (a constant column's plot says nothing)."""
    rows = (tf["rows"]["source"] or 0) * (1 - (cf["null_fraction"]["source"] or 0))
    return (cf["distinct_ratio"]["source"] or 0) * rows > 1.5


def marginals_plot(table: str, tf: dict) -> str:
    items = [(c, cf) for c, cf in tf["columns"].items() if cf.get("plot") and not cf.get("key") and _varies(tf, cf)]
    if not items:
        return ""
    fig, axes = _grid(len(items))
    for ax, (c, cf) in zip(axes, items):
        p = cf["plot"]
        if p["type"] == "values":
            labels = [str(v)[:14] for v in p["values"]] + ["(other)"]
        elif p["type"] == "lengths":
            labels = [f"len {i + 1}" for i in range(len(p["source"]))]  # the source's deciles of lengths
        else:
            labels = [str(i + 1) for i in range(len(p["source"]))]  # the source's deciles
        d = cf.get("distance")
        _bars(ax, labels, p["source"], p["synthetic"], f"{c}  {cf['metric']} {_num(d, 3)}",
              1 if p["type"] == "values" else 3)
    axes[0].legend(fontsize=6)
    fig.suptitle(f"{table}: source and synthetic distributions", fontsize=10)
    return _png(fig)


def degrees_plot(fks: dict) -> str:
    if not fks:
        return ""
    fig, axes = _grid(len(fks))
    for ax, (name, f) in zip(axes, fks.items()):
        hs, hd = f["histogram"]["source"], f["histogram"]["synthetic"]
        last = max([i for i, v in enumerate(hs) if v] + [i for i, v in enumerate(hd) if v] + [1])
        labels = [str(i) for i in range(last + 1)]
        if last == len(hs) - 1:
            labels[-1] += "+"
        _bars(ax, labels, hs[:last + 1], hd[:last + 1], f"{name.split('.', 1)[1][:34]}  TVD {_num(f['tvd'])}",
              max(1, (last + 1) // 6))
    axes[0].legend(fontsize=6)
    fig.suptitle("children per parent", fontsize=10)
    return _png(fig)


def corr_plot(tables: dict) -> str:
    items = [(t, tf["correlation"]) for t, tf in tables.items()
             if tf.get("correlation") and tf["correlation"].get("difference")]
    if not items:
        return ""
    fig, axes = _grid(len(items))
    im = None
    for ax, (t, c) in zip(axes, items):
        m = [[0.0 if v is None else v for v in row] for row in c["difference"]]
        im = ax.imshow(m, cmap="RdBu_r", vmin=-1, vmax=1)
        ax.set_xticks(range(len(c["columns"])))
        ax.set_xticklabels(c["columns"], rotation=60, ha="right", fontsize=6)
        ax.set_yticks(range(len(c["columns"])))
        ax.set_yticklabels(c["columns"], fontsize=6)
        ax.set_title(f"{t}  mean |diff| {_num(c.get('mean_abs'))}", fontsize=9)
    fig.colorbar(im, ax=axes[: len(items)], shrink=0.7)
    fig.suptitle("correlation: synthetic minus source", fontsize=10)
    return _png(fig)


def _table(head: list[str], rows: list[list[str]], cls: str = "") -> str:
    h = "".join(f"<th>{_e(x)}</th>" for x in head)
    body = "".join("<tr>" + "".join(f"<td>{x}</td>" for x in r) + "</tr>" for r in rows)
    return f'<table class="{cls}"><thead><tr>{h}</tr></thead><tbody>{body}</tbody></table>'


CSS = """body{font-family:sans-serif;margin:2em;max-width:1400px;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px}
th{background:#f0f0f0}td{text-align:right}td:first-child{text-align:left}.bad{background:#fdd}
.score{display:inline-block;margin:0 1em 1em 0;padding:.6em 1em;border-radius:6px;background:#eef}
.score b{font-size:1.6em;display:block}img{max-width:100%}"""


def _val(cf: dict, v: Any) -> str:
    """A number, or a date/time (stored as seconds since 1970) in ISO form."""
    if v is None or not cf.get("time"):
        return _num(v)
    import datetime as dt

    t = dt.datetime.fromtimestamp(v, dt.timezone.utc)
    return t.strftime("%Y-%m-%d") if t.hour == t.minute == t.second == 0 else t.strftime("%Y-%m-%d %H:%M:%S")


def _range(cf: dict, side: str) -> str:
    lo, hi = cf["min"][side], cf["max"][side]
    return "–" if lo is None and hi is None else f"{_val(cf, lo)} – {_val(cf, hi)}"


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{100 * v:.2f} %"


def _plot(job: tuple) -> str:
    kind, args = job
    return {"t": marginals_plot, "degrees": degrees_plot, "corr": corr_plot}[kind](*args)


def all_plots(fig: dict) -> dict[str, str]:
    """Every plot as an <img> tag (drawn here: forked workers were measured slower on Pagila)."""
    jobs = {f"t:{t}": ("t", (t, tf)) for t, tf in fig["tables"].items()}
    jobs["degrees"] = ("degrees", (fig["foreign_keys"],))
    jobs["corr"] = ("corr", (fig["tables"],))
    return {k: _plot(job) for k, job in jobs.items()}


def html(fig: dict) -> str:
    sc = fig["scores"]
    plots = all_plots(fig)
    parts = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>sqlsynth report</title>",
             f"<style>{CSS}</style></head><body><h1>sqlsynth report</h1>",
             f"<p>Reference: {_e(fig.get('reference'))}. Measured in {fig.get('seconds', 0):.1f} s. Scores from 0 to "
             "100 (100: as the source); docs/howto/report.md gives the formulas.</p>", '<section id="scores">']
    for k in ("overall", "shape", "relationships", "logic", "privacy"):
        v = sc.get(k)
        parts.append(f'<div class="score">{_e(k)}<b>{"–" if v is None else f"{v:.1f}"}</b></div>')
    parts.append("</section>")

    parts.append('<section id="shape"><h2>Shape</h2>')
    parts.append(_table(["table", "source rows", "synthetic rows", "ratio"],
                        [[_e(t) + (" (vocabulary)" if tf["vocabulary"] else ""), _num(tf["rows"]["source"]),
                          _num(tf["rows"]["synthetic"]), _num(tf["rows"]["ratio"])] for t, tf in fig["tables"].items()]))
    for t, tf in fig["tables"].items():
        parts.append(f"<h3>{_e(t)}</h3>")
        rows = []
        for c, cf in tf["columns"].items():
            d = cf.get("distance")
            rows.append([_e(c), _e(cf["kind"]), _pct(cf["null_fraction"]["source"]), _pct(cf["null_fraction"]["synthetic"]),
                         _num(cf["distinct_ratio"]["source"]), _num(cf["distinct_ratio"]["synthetic"]),
                         _range(cf, "source"), _range(cf, "synthetic"),
                         _val(cf, cf["mean"]["source"]), _val(cf, cf["mean"]["synthetic"]),
                         f"{_e(cf['metric'] or '')} {_num(d)}", _num(cf.get("length_ks"))])
        parts.append(_table(["column", "kind", "null src", "null syn", "distinct src", "distinct syn", "range src",
                             "range syn", "mean src", "mean syn", "distance", "length KS"], rows))
        parts.append(plots[f"t:{t}"])
    parts.append("</section>")

    parts.append('<section id="relationships"><h2>Relationships</h2>')
    parts.append(_table(["foreign key", "parent", "TVD children per parent", "childless src", "childless syn"],
                        [[_e(n), _e(f["parent"]), _num(f["tvd"]), _pct(f["childless"]["source"]),
                          _pct(f["childless"]["synthetic"])] for n, f in fig["foreign_keys"].items()]))
    parts.append(plots["degrees"])
    parts.append(plots["corr"])
    parts.append("</section>")

    parts.append('<section id="logic"><h2>Logic</h2>')
    parts.append(_table(["rule", "table", "holds in source", "holds in synthetic"],
                        [[_e(r["what"]), _e(r["table"]), _pct(r["source"]), _pct(r["synthetic"])] for r in fig["logic"]]))
    parts.append("</section>")

    p = fig["privacy"]
    parts.append('<section id="privacy"><h2>Privacy</h2>')
    if p.get("exact_match"):
        parts.append("<p>Share of synthetic rows identical to some source row on all non-key columns.</p>")
        parts.append(_table(["table", "columns", "exact-match rate"],
                            [[_e(t) + (" (vocabulary)" if e["vocabulary"] else ""), _e(", ".join(e["columns"])),
                              _pct(e["rate"])] for t, e in p["exact_match"].items()]))
    elif p.get("not_measured"):
        parts.append(f"<p>{_e(p['not_measured'])}.</p>")
    else:
        parts.append("<p>Exact-match rates need the source database (SRC_DSN): not measured.</p>")
    if p.get("quasi_identifiers"):
        parts.append(_table(["quasi-identifier set", "exact-match rate"],
                            [[_e(k), _pct(e["rate"])] for k, e in p["quasi_identifiers"].items()]))
    dp = p.get("differential_privacy") or {}
    parts.append(f"<p>Differential privacy budget spent by make-stats: epsilon {_num(dp.get('epsilon_total'))}, "
                 f"delta {_num(dp.get('delta_total'))} over {len(dp.get('per_statistic') or {})} statistics.</p>")
    if dp.get("per_statistic"):
        parts.append(_table(["statistic", "epsilon", "delta"],
                            [[_e(n), _num(v.get("epsilon_spent")), _num(v.get("delta_spent"))]
                             for n, v in dp["per_statistic"].items()]))
    parts.append("</section></body></html>")
    return "\n".join(x for x in parts if x)
