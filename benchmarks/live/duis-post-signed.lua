-- wrk script: POST pre-signed DUIS requests (written by io.smsim.bench.SignedRequests, separated by
-- lines of "%%") to smsim serve's /api/v1/serviceS in turn, cycling, and count the synchronous
-- answers by DUIS response code. Each thread starts at its own offset.
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
  thread:set("offset", #threads * 7919)
  table.insert(threads, thread)
end

function init(args)
  load(os.getenv("SIGNED") or "/tmp/signed.txt")
  index = offset or 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/xml"
end

function request()
  index = index % #requests + 1
  return wrk.format(nil, nil, nil, requests[index])
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
