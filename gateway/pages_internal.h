#pragma once
// What the pages share: fetching an rpc's reply, the page frame, and
// small pieces of markup. Only for gateway/page_*.cc and pages.cc.

#include <google/protobuf/message.h>

#include <string>
#include <utility>
#include <vector>

#include "estyn/lges/v1/common.pb.h"
#include "gateway/pages.h"
#include "i18n/catalogue.h"

namespace lges::gateway::pages {

using Metadata = std::vector<std::pair<std::string, std::string>>;

// Calls an rpc for a page. On failure `error` holds the page that says so.
// Pages are in the fetcher's language (?lang=cy): their requests ask for it
// (language_code) and every text comes from the catalogue.
class Fetcher {
 public:
  Fetcher(Forwarder& forwarder, const Metadata& metadata,
          i18n::Language language)
      : forwarder_(forwarder), metadata_(metadata), language_(language) {}
  i18n::Language language() const { return language_; }
  const char* language_code() const { return i18n::LanguageCode(language_); }
  // `method` is "/estyn.lges.v1.Service/Method".
  bool Get(const std::string& method, const google::protobuf::Message& request,
           google::protobuf::Message* reply);
  const PageReply& error() const { return error_; }

 private:
  Forwarder& forwarder_;
  const Metadata& metadata_;
  const i18n::Language language_;
  PageReply error_;
};

// A whole document in `language`: the masthead with `heading`, the site's
// links (which keep the language) and a link to the other language, `body`.
std::string Frame(i18n::Language language, const std::string& title,
                  const std::string& heading, const std::string& body);
// Escaped text.
std::string E(const std::string& text);
// The catalogue's text of `key` in the page's language, escaped.
std::string T(const Fetcher& fetch, std::string_view key,
              const i18n::Args& args = {});
// `path` with "?lang=cy" on a Welsh page, so that links keep the language.
std::string Link(const Fetcher& fetch, const std::string& path);
// The name in the page's language, then the other language's in its own
// element (lang="cy" or lang="en") when there is one.
std::string Bilingual(const Fetcher& fetch, const std::string& en,
                      const std::string& cy);
// The start year of the academic year that contains `day`.
int AcademicYearOf(const google::type::Date& day);
// "2022-03", "autumn 2021" ("tymor yr hydref 2021"), "2022-05-18".
std::string DateText(const Fetcher& fetch,
                     const estyn::lges::v1::PartialDate& date);

PageReply Home(Fetcher& fetch);
PageReply Trends(Fetcher& fetch, int from, int to);
PageReply Authority(Fetcher& fetch, const std::string& code);

}  // namespace lges::gateway::pages
