// Work done on several threads and taken back in the order it was given: the
// pieces of a streamed file are read in order, decided in parallel, and
// their results written in order. At most `window` pieces are in flight, so
// that memory stays bounded whatever the file's size: a piece that finishes
// early waits (a reorder window) until those before it are taken.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace cadre::stream {

/// Threads that run tasks in the order they are queued. With no threads,
/// nothing is queued: OrderedWork runs each task where it is given.
class WorkPool {
 public:
  explicit WorkPool(std::size_t threads);
  ~WorkPool();
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  std::size_t threads() const { return workers_.size(); }
  void run(std::function<void()> task);

 private:
  void work();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

/// Tasks whose results are taken in the order the tasks were given, at most
/// `window` of them unfinished or untaken at once. An exception in a task
/// comes out of the take that reaches it.
template <class Result>
class OrderedWork {
 public:
  using Take = std::function<void(Result&&)>;

  OrderedWork(WorkPool& pool, std::size_t window, Take take)
      : pool_(pool), window_(std::max<std::size_t>(window, 1)), take_(std::move(take)) {}

  /// Gives a task; first takes the oldest result while the window is full.
  void give(std::function<Result()> task) {
    if (pool_.threads() == 0) {
      take_(task());
      return;
    }
    while (pending_.size() >= window_)
      take_oldest();
    auto job = std::make_shared<std::packaged_task<Result()>>(std::move(task));
    pending_.push_back(job->get_future());
    pool_.run([job] { (*job)(); });
  }

  /// Takes every result still pending, in order.
  void finish() {
    while (!pending_.empty())
      take_oldest();
  }

  /// Waits for the tasks still running without taking their results (after
  /// a failure: nothing may outlive what the tasks refer to).
  void abandon() {
    for (auto& result : pending_) {
      if (result.valid()) result.wait();
    }
    pending_.clear();
  }

  ~OrderedWork() { abandon(); }

 private:
  void take_oldest() {
    std::future<Result> oldest = std::move(pending_.front());
    pending_.pop_front();
    take_(oldest.get());
  }

  WorkPool& pool_;
  std::size_t window_;
  Take take_;
  std::deque<std::future<Result>> pending_;
};

}  // namespace cadre::stream
