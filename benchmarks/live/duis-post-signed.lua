-- wrk script: POST pre-signed DUIS requests (written by io.smsim.bench.SignedRequests, separated by
-- lines of "%%") to smsim serve's /api/v1/serviceS in turn, cycling, and count the synchronous
-- answers by DUIS response code. Each thread sends its own part of the file (see init).
--   java -cp benchmarks/target/benchmarks.jar io.smsim.bench.SignedRequests KEY CERT 20000 /tmp/signed.txt
--   SIGNED=/tmp/signed.txt wrk -t2 -c64 -d20s --latency -s benchmarks/live/duis-post-signed.lua http://127.0.0.1:8080/api/v1/serviceS
local requests = {}
codes = {}
local threads = {}
local index = 0

local function load(path)
  local f = assert(io.open(path, "rb"))
  local all = f:read("*a")
  f:close()
  for doc in string.gmatch(all, "(.-)\n%%%%\n") do
    requests[#requests + 1] = doc
  end
end

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

-- The file is cut in four parts: SIGNED_PART=0 (warm-up) uses the first two, SIGNED_PART=1 the
-- last two, one per thread, so that a run repeats no request of its warm-up or of the other thread
-- until its part is used up (a server that refuses a replayed RequestID answers E11 from then on).
function init(args)
  load(os.getenv("SIGNED") or "/tmp/signed.txt")
  local quarter = math.floor(#requests / 4)
  local part = tonumber(os.getenv("SIGNED_PART") or "0")
  first = (part * 2 + (id or 0)) * quarter
  size = math.max(quarter, 1)
  index = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/xml"
end

function request()
  index = index % size + 1
  return wrk.format(nil, nil, nil, requests[math.min(first + index, #requests)])
end

function response(status, headers, body)
  local code = body:match("<sr:ResponseCode>(%w+)</sr:ResponseCode>") or ("http_" .. status)
  codes[code] = (codes[code] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local c = t:get("codes")
    for k, v in pairs(c) do
      total[k] = (total[k] or 0) + v
    end
  end
  for k, v in pairs(total) do
    io.write(string.format("code %s: %d\n", k, v))
  end
end
