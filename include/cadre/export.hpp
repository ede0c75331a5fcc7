// Symbol visibility for the cadre::policy library.
//
// The library is built with hidden visibility; only declarations marked
// CADRE_API are exported from the shared library. Static builds need nothing.
#pragma once

#if defined(CADRE_SHARED)
#if defined(_WIN32)
#if defined(CADRE_BUILDING)
#define CADRE_API __declspec(dllexport)
#else
#define CADRE_API __declspec(dllimport)
#endif
#else
#define CADRE_API __attribute__((visibility("default")))
#endif
#else
#define CADRE_API
#endif
