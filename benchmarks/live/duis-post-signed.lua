-- wrk script: POST pre-signed DUIS requests (written by io.smsim.bench.SignedRequests, separated by
-- lines of "%%") to smsim serve's /api/v1/serviceS, each once, and count the synchronous answers by
-- DUIS response code. It is duis-post.lua (setup, response and done are that script's) with its own
-- init and request: each thread sends its own part of the file (see init).
--   java -cp benchmarks/target/benchmarks.jar io.smsim.bench.SignedRequests KEY CERT 20000 /tmp/signed.txt
--   SIGNED=/tmp/signed.txt wrk -t2 -c64 -d20s --latency -s benchmarks/live/duis-post-signed.lua http://127.0.0.1:8080/api/v1/serviceS
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "duis-post.lua")

local requests = {}
local index = 0
local counter = 0

local function load(path)
  local f = assert(io.open(path, "rb"))
  local all = f:read("*a")
  f:close()
  for doc in string.gmatch(all, "(.-)\n%%%%\n") do
    requests[#requests + 1] = doc
  end
end

-- The file is cut in four parts: SIGNED_PART=0 (warm-up) uses the first two, SIGNED_PART=1 the
-- last two, one per thread, so that a run repeats no request of its warm-up or of the other thread.
-- A signature covers the RequestID, so a request cannot be made new by rewriting its counter: when a
-- thread's part is used up it starts over, and serve, which refuses a RequestID it has acknowledged,
-- answers E11 (counted apart from I99: make the file big enough for the run, see SignedRequests).
-- With SIGNED_REWRITE=1 (for a server that does not verify: the same documents, signature and all,
-- parsed the same way) each request's counter is rewritten to one of its own, as duis-post.lua makes
-- them, so that a small file serves a run of any length without a replay.
local rewrite = os.getenv("SIGNED_REWRITE") == "1"

function init(args)
  load(os.getenv("SIGNED") or "/tmp/signed.txt")
  local quarter = math.floor(#requests / 4)
  local part = tonumber(os.getenv("SIGNED_PART") or "0")
  first = (part * 2 + (id or 0)) * quarter
  size = math.max(quarter, 1)
  index = 0
  counter = (os.time() % 10000000) * 1000000 + (id or 0) * 100000000000000
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/xml"
end

function request()
  index = index % size + 1
  local doc = requests[math.min(first + index, #requests)]
  if rewrite then
    counter = counter + 1
    doc = doc:gsub(":%d+</sr:RequestID>", string.format(":%d</sr:RequestID>", counter), 1)
  end
  return wrk.format(nil, nil, nil, doc)
end
