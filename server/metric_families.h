#pragma once
// Building blocks of the collectors' metric families (server/metrics.cc,
// server/runtime_metrics.cc): a gauge sample, an empty gauge family, and a
// family of one sample.

#include <prometheus/client_metric.h>
#include <prometheus/metric_family.h>

#include <string>
#include <utility>

namespace lges {

// A gauge sample, with one label if `label` has a name.
inline prometheus::ClientMetric Gauge(
    double value, prometheus::ClientMetric::Label label = {}) {
  prometheus::ClientMetric m;
  if (!label.name.empty()) m.label.push_back(std::move(label));
  m.gauge.value = value;
  return m;
}

// A gauge family with no samples yet.
inline prometheus::MetricFamily Family(std::string name, std::string help) {
  return {std::move(name), std::move(help), prometheus::MetricType::Gauge, {}};
}

// A gauge family of one unlabelled sample.
inline prometheus::MetricFamily GaugeFamily(std::string name, std::string help,
                                            double value) {
  prometheus::MetricFamily family = Family(std::move(name), std::move(help));
  family.metric.push_back(Gauge(value));
  return family;
}

// A counter family of one unlabelled sample.
inline prometheus::MetricFamily CounterFamily(std::string name,
                                              std::string help, double value) {
  prometheus::ClientMetric m;
  m.counter.value = value;
  return {
      std::move(name), std::move(help), prometheus::MetricType::Counter, {m}};
}

}  // namespace lges
