"""Adding articles through the browser: upload files or paste text; follow the job.

Uploads are checked before anything is stored: at most `MAX_REQUEST_BYTES` per request
(refused with 413 before the body is read), `MAX_FILE_BYTES` per file, only .txt, .html,
.htm and .jsonl files. Each accepted file is saved in a fresh temporary folder under a
generated name that keeps only its extension; the user's file name is shown, never used
as a path. Refused files are listed with their reason; the rest are ingested in the
background (`jobs`).
"""

from __future__ import annotations

import json as jsonlib
import shutil
import tempfile
import uuid
from pathlib import Path, PurePath
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from starlette.datastructures import UploadFile
from starlette.responses import RedirectResponse, Response

from newsdesk.web.ids import slug, valid_job_id
from newsdesk.web.jobs import Staged
from newsdesk.web.render import json, wants_json
from newsdesk.web.state import web_state

router = APIRouter()
JSON = dict[str, Any]

ALLOWED = (".txt", ".html", ".htm", ".jsonl")
MAX_FILE_BYTES = 5_000_000
MAX_REQUEST_BYTES = 20_000_000
MAX_FILES = 50
MAX_FIELD_CHARS = 500
CHUNK = 64 * 1024


class TooLarge(Exception):
    """A file grew past the limit while it was copied."""


def display_name(filename: str | None) -> str:
    """The uploaded file's own name, for messages only (no folders, at most 120 chars)."""
    name = PurePath((filename or "").replace("\\", "/")).name.strip()
    return (name or "unnamed file")[:120]


def refusal(name: str) -> str | None:
    """Why a file of this name is refused before it is read (None: accepted)."""
    suffix = PurePath(name).suffix.lower()
    if suffix not in ALLOWED:
        kind = f"'{suffix}'" if suffix else "without an extension"
        return f"unsupported file type {kind}: upload {', '.join(ALLOWED)} files"
    return None


def _doc_id(name: str) -> str | None:
    """The id a .txt or .html upload's document gets (its file name, made plain); a
    .jsonl file's lines keep their own ids (None)."""
    if name.lower().endswith(".jsonl"):
        return None
    return slug(PurePath(name).stem) or f"upload-{uuid.uuid4().hex[:8]}"


async def _save(upload: UploadFile, target: Path) -> int:
    size = 0
    with target.open("wb") as out:
        while chunk := await upload.read(CHUNK):
            size += len(chunk)
            if size > MAX_FILE_BYTES:
                raise TooLarge
            out.write(chunk)
    return size


def _pasted(form: Any) -> JSON | None:
    text = str(form.get("text") or "").strip()
    if not text:
        return None
    fields = {}
    for key in ("title", "outlet", "published"):
        value = str(form.get(key) or "").strip()
        if len(value) > MAX_FIELD_CHARS:
            raise HTTPException(400, f"{key} is too long (at most {MAX_FIELD_CHARS} characters)")
        fields[key] = value or None
    base = slug(fields["title"] or "") or "pasted"
    return {"id": f"{base}-{uuid.uuid4().hex[:6]}", "text": text, **fields}


@router.get("/upload")
def upload_page(request: Request) -> Response:
    state = web_state(request)
    jobs = [j.to_dict() for j in state.worker.jobs()[:10]]
    data = {"jobs": jobs, "allowed": ALLOWED, "max_mb": MAX_FILE_BYTES // 1_000_000}
    return state.renderer.page("upload.html", data, json_url="/jobs.json")


@router.get("/jobs.json")
def jobs_json(request: Request) -> Response:
    return json({"jobs": [j.to_dict() for j in web_state(request).worker.jobs()]})


@router.post("/upload")
async def upload(request: Request) -> Response:
    length = request.headers.get("content-length")
    if length is None or not length.isdigit():
        raise HTTPException(411, "the upload needs a Content-Length")
    if int(length) > MAX_REQUEST_BYTES:
        raise HTTPException(
            413, f"the upload is too large: at most {MAX_REQUEST_BYTES // 1_000_000} MB at once"
        )
    state = web_state(request)
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-upload-"))
    files: list[JSON] = []
    staged: list[Staged] = []
    try:
        async with request.form(
            max_files=MAX_FILES, max_fields=20, max_part_size=MAX_FILE_BYTES
        ) as form:
            for i, upload in enumerate(form.getlist("files")):
                if not isinstance(upload, UploadFile) or not upload.filename:
                    continue
                name = display_name(upload.filename)
                reason = refusal(name)
                suffix = PurePath(name).suffix.lower()
                target = folder / f"{i:03d}-{uuid.uuid4().hex}{suffix}"
                if reason is None:
                    try:
                        if await _save(upload, target) == 0:
                            reason = "empty file"
                    except TooLarge:
                        reason = f"over the {MAX_FILE_BYTES // 1_000_000} MB limit per file"
                if reason is not None:
                    target.unlink(missing_ok=True)
                    files.append({"name": name, "status": "refused", "reason": reason})
                    continue
                files.append({"name": name, "status": "accepted", "reason": None})
                staged.append(Staged(target, name, _doc_id(name)))
            pasted = _pasted(form)
    except HTTPException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    except Exception as exc:  # a malformed multipart body
        shutil.rmtree(folder, ignore_errors=True)
        raise HTTPException(400, f"cannot read the upload: {exc}") from exc
    if pasted is not None:
        target = folder / f"pasted-{uuid.uuid4().hex}.jsonl"
        target.write_text(jsonlib.dumps(pasted, ensure_ascii=False) + "\n", encoding="utf-8")
        name = f"pasted text ({pasted['title'] or 'untitled'})"
        files.append({"name": name, "status": "accepted", "reason": None})
        staged.append(Staged(target, name))
    if not staged:
        shutil.rmtree(folder, ignore_errors=True)
    if not files:
        raise HTTPException(400, "nothing to add: choose files or paste an article's text")
    job = state.worker.new_job(files)
    if staged:
        state.worker.submit(job, staged, folder)
    else:
        job.update(state="done")
    if wants_json(request):
        return json(job.to_dict(), status=202)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


def _job(request: Request, job_id: str) -> JSON:
    job = web_state(request).worker.job(job_id) if valid_job_id(job_id) else None
    if job is None:
        raise HTTPException(404, "no such job")
    return job.to_dict()


@router.get("/jobs/{job_id}.json")
def job_json(request: Request, job_id: str) -> Response:
    return json(_job(request, job_id))


@router.get("/jobs/{job_id}")
def job_page(request: Request, job_id: str) -> Response:
    data = _job(request, job_id)
    return web_state(request).renderer.page(
        "job.html", {"job": data}, json_url=f"/jobs/{job_id}.json"
    )
