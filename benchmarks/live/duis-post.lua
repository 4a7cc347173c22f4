-- wrk script: POST DUIS 4.1.1 reads (command variant 1) to smsim serve's /api/v1/serviceS,
-- rotating the target over generated devices of the three regions (00-DB-FF-0R-00-00-00-NN),
-- and counting the synchronous answers by DUIS response code.
--   wrk -t2 -c64 -d30s --latency -s benchmarks/live/duis-post.lua http://127.0.0.1:8080/api/v1/serviceS
local template = [[<?xml version="1.0" encoding="UTF-8"?><sr:Request xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" schemaVersion="5.4"><sr:Header><sr:RequestID>90-B3-D5-1F-30-01-00-00:00-DB-FF-0%d-00-00-00-%02X:%d</sr:RequestID><sr:CommandVariant>1</sr:CommandVariant><sr:ServiceReference>4.1</sr:ServiceReference><sr:ServiceReferenceVariant>4.1.1</sr:ServiceReferenceVariant></sr:Header><sr:Body><sr:ReadInstantaneousImportRegisters/></sr:Body></sr:Request>]]

local counter = 0
codes = {}
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

-- RequestID counters unique per thread and per run (a server refuses a RequestID it has seen):
-- from the clock in microseconds, each thread 10^14 apart (exact in a Lua double, below 2^53)
function init(args)
  counter = (os.time() % 10000000) * 1000000 + (id or 0) * 100000000000000
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/xml"
end

function request()
  counter = counter + 1
  local region = math.floor(counter % 3) + 1
  local device = math.floor(counter % 100)
  return wrk.format(nil, nil, nil, string.format(template, region, device, counter))
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
