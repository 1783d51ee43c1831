-- wrk script of `python -m bench.load`: a mix of visitors. bench/load.py writes the URL lists
-- into load_data.lua beside this file before the run.
local data = dofile(os.getenv("LOAD_DATA"))
local counter = 0
statuses = {}  -- a global: done() reads it from every thread
local threads = {}

function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
end

local function pick(list)
    return list[math.random(#list)]
end

local function form_body(fields)
    local parts = {}
    for key, value in pairs(fields) do
        table.insert(parts, key .. "=" .. value)
    end
    return table.concat(parts, "&")
end

-- Django accepts a token equal to the csrftoken cookie, as a browser's form sends it.
local CSRF = "LoadTestCsrfToken0123456789abcde"  -- 32 characters, as Django expects
local POST_HEADERS = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=" .. CSRF,
}

function request()
    counter = counter + 1
    local r = math.random(100)
    if r <= 40 then
        return wrk.format("GET", pick(data.pages))
    elseif r <= 60 then
        return wrk.format("GET", pick(data.filters))
    elseif r <= 70 then
        return wrk.format("GET", pick(data.searches))
    elseif r <= 82 then
        return wrk.format("GET", pick(data.api))
    elseif r <= 88 then
        return wrk.format("GET", pick(data.forms))
    elseif r <= 94 then
        local name = "Load Cluster " .. id .. "-" .. counter
        local fields = {}
        for key, value in pairs(data.registration) do fields[key] = value end
        fields.name = name:gsub(" ", "+")
        fields.csrfmiddlewaretoken = CSRF
        return wrk.format("POST", pick(data.register), POST_HEADERS, form_body(fields))
    else
        local fields = {}
        for key, value in pairs(data.contact) do fields[key] = value end
        fields.csrfmiddlewaretoken = CSRF
        return wrk.format("POST", pick(data.contact_urls), POST_HEADERS, form_body(fields))
    end
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local all = {}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            all[tostring(status)] = (all[tostring(status)] or 0) + count
        end
    end
    local parts = {}
    for status, count in pairs(all) do
        table.insert(parts, string.format('"%s": %d', status, count))
    end
    io.write(string.format(
        'LOAD-RESULT {"requests": %d, "duration_us": %d, "socket_errors": %d, '
            .. '"p50_ms": %.2f, "p99_ms": %.2f, "statuses": {%s}}\n',
        summary.requests, summary.duration,
        summary.errors.connect + summary.errors.read + summary.errors.write
            + summary.errors.timeout,
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        table.concat(parts, ", ")
    ))
end
