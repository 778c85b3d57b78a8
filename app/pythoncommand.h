#pragma once

#include <string_view>
#include <vector>

namespace mtlab {

// `multitask-lab python ...`: runs the article's own Python programs (resources/python/) against
// the embedded server, reads the traces their tracer writes and reports them as `run` does.
// Exit 2 for bad arguments and when python3 (or, for downloads, its requests and aiohttp) is missing.
int pythonCommand(const std::vector<std::string_view> &args);

} // namespace mtlab
