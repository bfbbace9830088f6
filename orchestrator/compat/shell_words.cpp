#include "orchestrator/compat/shell_words.hpp"

#include "orchestrator/model/error.hpp"

namespace ucompose {

std::vector<std::string> split_shell_words(const std::string& text) {
    std::vector<std::string> words;
    std::string cur;
    bool in_word = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n') {
            if (in_word) words.push_back(cur);
            cur.clear();
            in_word = false;
        } else if (c == '\'') {
            size_t end = text.find('\'', i + 1);
            if (end == std::string::npos) throw Error("unterminated single quote in \"" + text + "\"");
            cur += text.substr(i + 1, end - i - 1);
            i = end;
            in_word = true;
        } else if (c == '"') {
            in_word = true;
            for (++i;; ++i) {
                if (i >= text.size()) throw Error("unterminated double quote in \"" + text + "\"");
                if (text[i] == '"') break;
                if (text[i] == '\\' && i + 1 < text.size() &&
                    (text[i + 1] == '"' || text[i + 1] == '\\' || text[i + 1] == '$' || text[i + 1] == '`')) {
                    ++i;
                }
                cur += text[i];
            }
        } else if (c == '\\') {
            if (i + 1 >= text.size()) throw Error("trailing backslash in \"" + text + "\"");
            cur += text[++i];
            in_word = true;
        } else {
            cur += c;
            in_word = true;
        }
    }
    if (in_word) words.push_back(cur);
    return words;
}

}  // namespace ucompose
