-- wrk script: POST pre-signed DUIS requests (written by io.smsim.bench.SignedRequests, separated by
-- lines of "%%") to smsim serve's /api/v1/serviceS and count the synchronous answers by DUIS
-- response code. Thread k of T (THREADS, default 2: give wrk's -t) sends requests k+1, k+1+T ...
-- so no two threads send the same one;
-- serve refuses a RequestID it has seen (E11, after checking the signature), so a thread that runs
-- out of requests starts again and gets E11s: write at least as many requests as the run sends.
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
  thread:set("number", #threads)
  table.insert(threads, thread)
end

function init(args)
  load(os.getenv("SIGNED") or "/tmp/signed.txt")
  stride = tonumber(os.getenv("THREADS") or "2")
  index = (number or 0) + 1 - stride
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/xml"
end

function request()
  index = index + stride
  if index > #requests then
    index = index - #requests
  end
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
