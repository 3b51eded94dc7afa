"""Inference: embeddings, rerank scores and the hosted models' catalogue, the service's outputs
(deterministic, so tests can assert them). Served wherever the version's table has the operations
(`/embed` from 2024-07; `/rerank`, `/models` once the inference spec joins the table)."""

from __future__ import annotations

import hashlib
import random
from typing import Any

from ._catalogue import EMBED_MAX_INPUTS, EMBED_MAX_TOKENS, MODELS
from ._conventions import Convention
from ._kind import Kind
from ._state import Resource, State
from ._wire import Body, invalid


def token_count(text: str) -> int:
    """A stand-in for the tokenizer: deterministic, about one token per word, plus two specials."""
    return len(text.split()) + 2


def embedding(model: str, input_type: str | None, text: str, dimension: int) -> list[float]:
    """A deterministic unit vector for (model, input_type, text)."""
    rng = random.Random(hashlib.sha256(f"{model}\0{input_type}\0{text}".encode()).digest())
    values = [rng.gauss(0.0, 1.0) for _ in range(dimension)]
    norm = sum(v * v for v in values) ** 0.5 or 1.0
    return [round(v / norm, 6) for v in values]


def sparse_embedding(text: str) -> dict[str, Any]:
    """One weight per distinct word, its index a stable hash of the word (as a sparse model's vocabulary)."""
    words = sorted({w.lower().strip(".,;:!?") for w in text.split()} - {""})
    indices = [int.from_bytes(hashlib.sha256(w.encode()).digest()[:4], "big") for w in words]
    weights = [round(1.0 / (1 + len(w) % 5), 6) for w in words]
    return {"sparse_values": weights, "sparse_indices": indices, "sparse_tokens": words, "vector_type": "sparse"}


def _models(kind: str) -> list[str]:
    return [name for name, card in MODELS.items() if card["type"] == kind]


class Embed(Kind):
    def compute(self, state: State, how: Convention, request: Body) -> tuple[int, Any]:
        model = request.get(request.data, "model", str, required=True)
        inputs = request.get(request.data, "inputs", list, required=True)
        parameters = request.object(request.data, "parameters") or {}
        input_type = request.get(parameters, "input_type", str)
        truncate = request.get(parameters, "truncate", str) or "END"
        card = MODELS.get(str(model))
        if card is None or card["type"] != "embed":
            raise invalid(f"Model '{model}' not found. Supported models: {', '.join(_models('embed'))}.")
        if input_type not in ("query", "passage"):
            raise invalid(f"Parameter input_type is required for model '{model}': 'query' or 'passage'.")
        if truncate not in ("END", "NONE"):
            raise invalid("Parameter truncate must be 'END' or 'NONE'.")
        limit = int(card.get("max_batch_size", EMBED_MAX_INPUTS))
        if not inputs or len(inputs) > limit:
            raise invalid(f"Between 1 and {limit} inputs are required.")
        texts = []
        for item in inputs:
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise request.fail("invalid type: expected an object with a string `text` in `inputs`")
            texts.append(item["text"])
        tokens = [token_count(text) for text in texts]
        most = int(card.get("max_sequence_length", EMBED_MAX_TOKENS))
        if truncate == "NONE" and max(tokens) > most:
            raise invalid(f"Input is longer than the model's maximum of {most} tokens.")
        if card["vector_type"] == "sparse":
            data = [sparse_embedding(text) for text in texts]
        else:
            dimension = request.get(parameters, "dimension", int) or int(card["dimension"])
            supported = card.get("supported_dimensions", [card["dimension"]])
            if dimension not in supported:
                raise invalid(f"Dimension {dimension} is not supported by model '{model}': one of {supported}.")
            data = [{"values": embedding(str(model), input_type, t, dimension), "vector_type": "dense"} for t in texts]
        usage = {"total_tokens": sum(min(t, most) for t in tokens)}
        return 200, {"model": model, "vector_type": card["vector_type"], "data": data, "usage": usage}


def relevance(model: str, query: str, text: str) -> float:
    """A deterministic score in (0, 1): shared words raise it, a hash breaks ties."""
    q, d = set(query.lower().split()), set(text.lower().split())
    overlap = len(q & d) / (len(q) or 1)
    jitter = int.from_bytes(hashlib.sha256(f"{model}\0{query}\0{text}".encode()).digest()[:2], "big") / 65536
    return round(0.05 + 0.85 * overlap + 0.1 * jitter, 6)


class Rerank(Kind):
    def compute(self, state: State, how: Convention, request: Body) -> tuple[int, Any]:
        data = request.data
        model = request.get(data, "model", str, required=True)
        query = request.get(data, "query", str, required=True)
        documents = request.get(data, "documents", list, required=True)
        top_n = request.get(data, "top_n", int)
        return_documents = request.get(data, "return_documents", bool)
        fields = request.get(data, "rank_fields", list) or ["text"]
        card = MODELS.get(str(model))
        if card is None or card["type"] != "rerank":
            raise invalid(f"Model '{model}' not found. Supported models: {', '.join(_models('rerank'))}.")
        if len(fields) != 1 and model != "cohere-rerank-3.5":
            raise invalid(f"Only one rank field is supported for model '{model}'.")
        if not documents or len(documents) > int(card["max_batch_size"]):
            raise invalid(f"Between 1 and {card['max_batch_size']} documents are required.")
        scored = []
        for position, document in enumerate(documents):
            doc = {"text": document} if isinstance(document, str) else document
            if not isinstance(doc, dict) or not all(isinstance(doc.get(f), str) for f in fields):
                raise invalid(f"Every document must have the rank fields {fields} as strings.")
            text = " ".join(doc[f] for f in fields)
            entry: dict[str, Any] = {"index": position, "score": relevance(str(model), str(query), text)}
            if return_documents is not False:
                entry["document"] = doc
            scored.append(entry)
        scored.sort(key=lambda e: -e["score"])
        top = scored[: top_n if top_n is not None else len(scored)]
        return 200, {"model": model, "data": top, "usage": {"rerank_units": 1}}


class Models(Kind):
    """The catalogue as resources: the conventional list and describe serve it."""

    def records(self, state: State, kind: str) -> dict[str, Resource]:
        records = state.of(kind)
        if not records:
            for name, card in MODELS.items():
                info = {k: v for k, v in card.items() if k not in ("dimension", "metric")}
                info.update(model=name, modality="text", supported_parameters=[])
                if card.get("dimension"):
                    info["default_dimension"] = card["dimension"]
                if card["type"] == "embed":
                    info["supported_metrics"] = (
                        [card["metric"]] if card["vector_type"] == "sparse" else ["cosine", "euclidean", "dotproduct"]
                    )
                records[name] = Resource(kind, name, info, state="Ready", ready=True)
        return records
