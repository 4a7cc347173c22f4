-- wrk script: POST pre-signed DUIS requests (written by io.smsim.bench.SignedRequests, separated by
-- lines of "%%") to smsim serve's /api/v1/serviceS, each once, and count the synchronous answers by
-- DUIS response code. It is duis-post.lua (setup, response and done are that script's) with its own
-- init and request: each thread sends its own part of the file (see init).
--   java -cp benchmarks/target/benchmarks.jar io.smsim.bench.SignedRequests KEY CERT 20000 /tmp/signed.txt
--   SIGNED=/tmp/signed.txt wrk -t2 -c64 -d20s --latency -s benchmarks/live/duis-post-signed.lua http://127.0.0.1:8080/api/v1/serviceS
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "duis-post.lua")

local counter = 0
local file, from, to

-- The file is cut in four parts by size: SIGNED_PART=0 (warm-up) uses the first two, SIGNED_PART=1
-- the last two, one per thread, so that a run repeats no request of its warm-up or of the other
-- thread. Each thread reads its part as it goes, a document per request, instead of loading the file
-- at init: wrk starts a thread as soon as its init is done but starts its clock only after every
-- thread's, so a long init (seconds for a big file) let the first thread send uncounted-for time and
-- made wrk's rate too high.
-- A signature covers the RequestID, so a request cannot be made new by rewriting its counter: when a
-- thread's part is used up it starts over, and serve, which refuses a RequestID it has acknowledged,
-- answers E11 (counted apart from I99: make the file big enough for the run, see SignedRequests).
-- With SIGNED_REWRITE=1 (for a server that does not verify: the same documents, signature and all,
-- parsed the same way) each request's counter is rewritten to one of its own, as duis-post.lua makes
-- them, so that a small file serves a run of any length without a replay.
local rewrite = os.getenv("SIGNED_REWRITE") == "1"

-- Moves to the first document that starts at or after byte offset at (a document starts the file or
-- follows a line "%%").
local function seekDocument(at)
  file:seek("set", math.max(at - 1, 0))
  if at > 0 then
    for line in file:lines() do
      if line == "%%" then
        return
      end
    end
  end
end

function init(args)
  file = assert(io.open(os.getenv("SIGNED") or "/tmp/signed.txt", "rb"))
  local size = file:seek("end")
  local quarter = math.floor(size / 4)
  local part = tonumber(os.getenv("SIGNED_PART") or "0")
  local q = part * 2 + (id or 0)
  from = q * quarter
  to = (q + 1) * quarter
  seekDocument(from)
  from = file:seek("cur")
  counter = (os.time() % 10000000) * 1000000 + (id or 0) * 100000000000000
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/xml"
end

-- The next document of this thread's part ("%%" lines between documents), from its start again past its end.
local function nextDocument()
  if file:seek("cur") >= to then
    file:seek("set", from)
  end
  local lines = {}
  for line in file:lines() do
    if line == "%%" then
      break
    end
    lines[#lines + 1] = line
  end
  if #lines == 0 then -- the end of the file: start the part again
    file:seek("set", from)
    return nextDocument()
  end
  return table.concat(lines, "\n")
end

function request()
  local doc = nextDocument()
  if rewrite then
    counter = counter + 1
    doc = doc:gsub(":%d+</sr:RequestID>", string.format(":%d</sr:RequestID>", counter), 1)
  end
  return wrk.format(nil, nil, nil, doc)
end
