#pragma once
// What the pages share: fetching an rpc's reply, the page frame, and
// small pieces of markup. Only for gateway/page_*.cc and pages.cc.

#include <google/protobuf/message.h>

#include <string>
#include <utility>
#include <vector>

#include "estyn/lges/v1/common.pb.h"
#include "gateway/pages.h"

namespace lges::gateway::pages {

using Metadata = std::vector<std::pair<std::string, std::string>>;

// Calls an rpc for a page. On failure `error` holds the page that says so.
class Fetcher {
 public:
  Fetcher(Forwarder& forwarder, const Metadata& metadata)
      : forwarder_(forwarder), metadata_(metadata) {}
  // `method` is "/estyn.lges.v1.Service/Method".
  bool Get(const std::string& method, const google::protobuf::Message& request,
           google::protobuf::Message* reply);
  const PageReply& error() const { return error_; }

 private:
  Forwarder& forwarder_;
  const Metadata& metadata_;
  PageReply error_;
};

// A whole document: the masthead with `heading`, the site's links, `body`.
std::string Frame(const std::string& title, const std::string& heading,
                  const std::string& body);
// Escaped text.
std::string E(const std::string& text);
// English, then Welsh in its own element (lang="cy") when there is one.
std::string Bilingual(const std::string& en, const std::string& cy);
// The start year of the academic year that contains `day`.
int AcademicYearOf(const google::type::Date& day);
// "March 2022", "autumn 2021", "18 May 2022".
std::string DateText(const estyn::lges::v1::PartialDate& date);

PageReply Home(Fetcher& fetch);
PageReply Trends(Fetcher& fetch, int from, int to);
PageReply Authority(Fetcher& fetch, const std::string& code);

}  // namespace lges::gateway::pages
